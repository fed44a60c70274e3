package dev.petmanager.api;

import java.util.Map;

import dev.petmanager.support.Db;

/** The database fingerprint the error-handling tests compare before and after a rejected request. */
final class WriteFingerprint {

    private WriteFingerprint() {
    }

    /** What a rejected request must not change: row counts, version sums and id sequences of both tables. */
    static Map<String, Object> fingerprint() {
        return normalize(Db.row("SELECT (SELECT count(*) FROM users) AS users,"
                + " (SELECT coalesce(sum(version), 0) FROM users) AS users_versions,"
                + " (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'users') AS users_seq,"
                + " (SELECT count(*) FROM pets) AS pets,"
                + " (SELECT coalesce(sum(version), 0) FROM pets) AS pets_versions,"
                + " (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'pets') AS pets_seq"));
    }

    private static Map<String, Object> normalize(Map<String, Object> row) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> result.put(k, v instanceof Number n ? n.longValue() : v));
        return result;
    }
}
