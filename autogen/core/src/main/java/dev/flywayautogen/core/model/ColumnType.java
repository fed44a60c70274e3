package dev.flywayautogen.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A column type: the declared text (kept for rendering, e.g. {@code varchar(255)}) and the canonical name that
 * decides equality. On SQLite the canonical name is the type affinity (INTEGER, TEXT, REAL, NUMERIC, BLOB): SQLite
 * ignores lengths and stores by affinity, so {@code varchar(100)} and {@code text} are the same column and must
 * not produce a diff. A PostgreSQL reader would put the full normalised type in {@code canonical}.
 */
public record ColumnType(String canonical, String declared) {

    public ColumnType {
        Objects.requireNonNull(canonical, "canonical");
        declared = declared == null || declared.isBlank() ? canonical : declared.trim().toLowerCase(Locale.ROOT);
    }

    /** SQLite affinity rules, https://www.sqlite.org/datatype3.html section 3.1. */
    public static ColumnType sqlite(String declared) {
        String d = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        String affinity;
        if (d.contains("INT")) {
            affinity = "INTEGER";
        } else if (d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT")) {
            affinity = "TEXT";
        } else if (d.contains("BLOB") || d.isBlank()) {
            affinity = "BLOB";
        } else if (d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB")) {
            affinity = "REAL";
        } else {
            affinity = "NUMERIC";
        }
        return new ColumnType(affinity, declared == null || declared.isBlank() ? affinity : declared);
    }

    /** True when converting existing values from {@code this} to {@code target} can lose information. */
    public boolean narrowsTo(ColumnType target) {
        if (equals(target)) {
            return false;
        }
        return switch (target.canonical) {
            case "TEXT", "BLOB" -> false;
            case "REAL", "NUMERIC" -> !(canonical.equals("INTEGER") || canonical.equals("REAL") || canonical.equals("NUMERIC"));
            default -> true;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnType other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return declared.equalsIgnoreCase(canonical) ? canonical : declared + " (" + canonical + ")";
    }
}
