package dev.petmanager.api;

import java.util.Map;

import dev.petmanager.support.Db;

/** The database fingerprint the error-handling tests compare before and after a rejected request. */
final class WriteFingerprint {

    private WriteFingerprint() {
    }

    /** What a rejected request must not change: row counts, version sums and id sequences of both tables. */
    static Map<String, Object> fingerprint() {
        Map<String, Object> fingerprint = new java.util.LinkedHashMap<>(normalize(Db.row(
                "SELECT (SELECT count(*) FROM users) AS users,"
                + " (SELECT coalesce(sum(version), 0) FROM users) AS users_versions,"
                + " (SELECT count(*) FROM pets) AS pets,"
                + " (SELECT coalesce(sum(version), 0) FROM pets) AS pets_versions")));
        fingerprint.put("users_seq", Db.lastGeneratedId("users"));
        fingerprint.put("pets_seq", Db.lastGeneratedId("pets"));
        return fingerprint;
    }

    private static Map<String, Object> normalize(Map<String, Object> row) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> result.put(k, v instanceof Number n ? n.longValue() : v));
        return result;
    }
}
