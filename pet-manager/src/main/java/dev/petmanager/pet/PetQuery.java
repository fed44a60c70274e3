package dev.petmanager.pet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.petmanager.api.paging.PageRequest;
import dev.petmanager.api.paging.PageView;
import dev.petmanager.user.CallerIdentity;

/**
 * The filters of a pet listing, as {@code visibleTo} may see it: an admin's match every pet, a user's only their own
 * pets (so a filter on another owner finds nothing). Absent filters match everything.
 */
public record PetQuery(Long ownerId, Species species, String nameContains, CallerIdentity visibleTo) {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "species", "species",
            "birthDate", "birthDate", "weightGrams", "weightGrams", "createdAt", "createdAt", "ownerId", "owner.id");

    public PageView<PetView> page(PageRequest request) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!visibleTo.admin()) {
            where.add("owner.issuer = :issuer and owner.subject = :subject");
            params.put("issuer", visibleTo.issuer());
            params.put("subject", visibleTo.subject());
        }
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
        return request.of(Pet.<Pet> find(query, request.sort(SORTABLE), params), PetView::of);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
