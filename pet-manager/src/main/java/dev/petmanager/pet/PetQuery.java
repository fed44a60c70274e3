package dev.petmanager.pet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.petmanager.api.PageView;
import dev.petmanager.api.SortParameter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** The filters of a pet listing; absent filters match everything. */
public record PetQuery(Long ownerId, Species species, String nameContains) {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "species", "species",
            "birthDate", "birthDate", "weightGrams", "weightGrams", "createdAt", "createdAt", "ownerId", "owner.id");

    public PageView<PetView> page(int page, int size, String sort) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (ownerId != null) {
            where.add("owner.id = :ownerId");
            params.put("ownerId", ownerId);
        }
        if (species != null) {
            where.add("species = :species");
            params.put("species", species);
        }
        if (nameContains != null && !nameContains.isEmpty()) {
            where.add("lower(name) like :name escape '\\'");
            params.put("name", "%" + escapeLike(nameContains.toLowerCase(Locale.ROOT)) + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        PanacheQuery<Pet> pets = Pet.find(query, SortParameter.parse(sort, SORTABLE), params);
        List<PetView> items = pets.page(Page.of(page, size)).stream().map(PetView::of).toList();
        return PageView.of(items, page, size, pets.count());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
