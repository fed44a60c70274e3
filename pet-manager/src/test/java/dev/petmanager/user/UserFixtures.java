package dev.petmanager.user;

import java.util.List;
import java.util.Map;

/** Row helpers shared by the user endpoint tests. */
final class UserFixtures {

    private UserFixtures() {
    }

    static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> number(r.values().iterator().next())).toList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
