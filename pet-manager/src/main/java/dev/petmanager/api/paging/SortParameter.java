package dev.petmanager.api.paging;

import dev.petmanager.api.problem.ApiProblem;

import java.util.Map;

import io.quarkus.panache.common.Sort;

/**
 * Parses {@code sort=name,-createdAt}: comma-separated API field names, a leading '-' for descending. Only the
 * fields a resource allows are accepted, so a client cannot sort by (and probe) unmapped columns.
 */
public final class SortParameter {

    private SortParameter() {
    }

    /** @param allowed API field name → entity attribute */
    public static Sort parse(String sort, Map<String, String> allowed) {
        Sort result = null;
        String spec = sort == null || sort.isBlank() ? "id" : sort;
        for (String raw : spec.split(",", -1)) { // -1: "name,," or ",," has empty items, which are mistakes
            String item = raw.trim();
            boolean descending = item.startsWith("-");
            String field = descending ? item.substring(1) : item;
            String attribute = allowed.get(field);
            if (attribute == null) {
                throw ApiProblem.invalidField("sort", "cannot sort by '" + field + "'; sortable fields are "
                        + String.join(", ", allowed.keySet().stream().sorted().toList()));
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(attribute, direction) : result.and(attribute, direction);
        }
        // A stable order across pages needs a unique tie-breaker.
        return spec.matches("(^|.*,)-?id(,.*|$)") ? result : result.and("id");
    }
}
