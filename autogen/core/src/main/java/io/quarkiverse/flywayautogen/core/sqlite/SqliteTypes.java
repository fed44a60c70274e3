package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.TypeRules;

import java.util.Locale;
import java.util.Map;

/**
 * SQLite's column types as the model compares them. The declared type is what Hibernate validates and what a reader
 * of the schema sees, so it is compared as declared ({@code varchar(40)} is not {@code varchar(100)}, {@code integer}
 * is not {@code bigint}); only spelling is normalised: case, spaces, and SQL-standard synonyms that declare the same
 * thing. {@code int} stays {@code int}: in SQLite only a key declared exactly {@code INTEGER} is the rowid alias.
 */
public final class SqliteTypes implements TypeRules {

    public static final SqliteTypes RULES = new SqliteTypes();

    private static final Map<String, String> SYNONYMS = Map.of(
            "character varying", "varchar",
            "character", "char",
            "decimal", "numeric",
            "double precision", "double",
            "bool", "boolean");

    private SqliteTypes() {
    }

    /** The model type of a declared SQLite column type (blank: no type, which SQLite stores as BLOB affinity). */
    public static ColumnType of(String declared) {
        return new ColumnType(normalise(declared), declared == null || declared.isBlank() ? "" : declared);
    }

    @Override
    public ColumnType type(String declared) {
        return of(declared);
    }

    /**
     * Hibernate's SQLite dialect declares an identity key {@code integer} whatever the Java type: only an {@code
     * INTEGER PRIMARY KEY} (the rowid alias) is assigned by the database. Its validation then expects the Java
     * type's own ({@code bigint} for a Long): the self-check reports that conflict with what to declare instead.
     */
    @Override
    public ColumnType identity(String declared) {
        return of("integer");
    }

    static String normalise(String declared) {
        if (declared == null || declared.isBlank()) {
            return "";
        }
        String s = declared.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\)", ")");
        int paren = s.indexOf('(');
        String base = paren < 0 ? s : s.substring(0, paren);
        String args = paren < 0 ? "" : s.substring(paren);
        return SYNONYMS.getOrDefault(base, base) + args;
    }

    @Override
    public String storageClass(ColumnType type) {
        return affinity(type);
    }

    /** SQLite's type affinity rules (datatype3.html, section 3.1): INTEGER, TEXT, BLOB, REAL or NUMERIC. */
    public static String affinity(ColumnType type) {
        String d = type.canonical().toUpperCase(Locale.ROOT);
        if (d.contains("INT")) {
            return "INTEGER";
        } else if (d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT")) {
            return "TEXT";
        } else if (d.contains("BLOB") || d.isBlank()) {
            return "BLOB";
        } else if (d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB")) {
            return "REAL";
        }
        return "NUMERIC";
    }

    /** A single-column key of this exact type is SQLite's rowid alias, assigned automatically on insert. */
    public static boolean isRowidAliasType(ColumnType type) {
        return type.canonical().equals("integer");
    }
}
