package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.StorageClass;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.TypeRules;

import java.util.Locale;
import java.util.Map;

/**
 * SQLite's column types as the model compares them. Two declarations are one type when Hibernate's schema validation
 * takes each for the other <em>and</em> SQLite stores their values alike. The first half is what
 * {@code ColumnDefinitions.hasMatchingType} does with what sqlite-jdbc reports: {@code getColumns} gives every column
 * one of three JDBC types by name (INT or BOOL: INTEGER; REAL, FLOA, DOUB, DEC or NUM: FLOAT; anything else:
 * VARCHAR), which must be {@code Dialect.equivalentTypes} with the entity's (float, real and double are; the varchar
 * family is; an integer column holds a smaller integer), or else the names must match after Hibernate's own
 * normalisation ({@code int} is {@code integer}, {@code character varying} is {@code varchar}, {@code double
 * precision} is {@code double}). The second half is SQLite's type affinity ({@link #affinity}, datatype3.html 3.1).
 * So {@code int} is {@code integer}, {@code float(53)} and {@code real} are {@code double}, {@code nvarchar(40)} is
 * {@code varchar(40)}; but {@code datetime} is not {@code timestamp}, {@code bool} not {@code boolean} and
 * {@code decimal} not {@code numeric}: Hibernate's validation rejects each where the other is expected (a TIMESTAMP,
 * BOOLEAN or NUMERIC entity type matches its name only). Their rebuild keeps every value (same affinity), so the
 * change is made and is not destructive. Lengths, precision and scale stay part of the type: they are what the
 * entity declares. One name is kept apart: only a key declared exactly {@code INTEGER} is the rowid alias (numbered
 * by SQLite), so {@code id int primary key} is not {@code id integer primary key} ({@link #ofSoleKey}).
 */
public final class SqliteTypes implements TypeRules {

    public static final SqliteTypes RULES = new SqliteTypes();

    /**
     * Names Hibernate's validation takes for the name Hibernate's SQLite dialect declares: its own synonyms, and
     * names whose JDBC type from sqlite-jdbc is {@code equivalentTypes} with that declaration's in both directions.
     * Used only where the affinity agrees ({@link #family}).
     */
    private static final Map<String, String> JDBC_TYPE_NAMES = Map.ofEntries(
            // ColumnDefinitions.normalize
            Map.entry("int", "integer"),
            Map.entry("character", "char"),
            Map.entry("character varying", "varchar"),
            Map.entry("binary varying", "varbinary"),
            Map.entry("character large object", "clob"),
            Map.entry("binary large object", "blob"),
            Map.entry("double precision", "double"),
            // INTEGER from getColumns: an integer entity type of that width or narrower accepts it
            Map.entry("int4", "integer"),
            Map.entry("mediumint", "integer"),
            Map.entry("int2", "smallint"),
            // FLOAT from getColumns: float, real and double are equivalent types
            Map.entry("real", "double"),
            Map.entry("float", "double"),
            Map.entry("float4", "double"),
            Map.entry("float8", "double"),
            // VARCHAR from getColumns: the varchar family is equivalent types
            Map.entry("nvarchar", "varchar"),
            Map.entry("varying character", "varchar"),
            Map.entry("varchar2", "varchar"),
            Map.entry("longvarchar", "varchar"),
            Map.entry("longnvarchar", "varchar"));

    /** The approximate numerics: SQLite stores each as an 8-byte float, whatever precision is declared. */
    private static final String APPROXIMATE = "double";

    private SqliteTypes() {
    }

    /** The model type of a declared SQLite column type (blank: no type, which SQLite stores as BLOB affinity). */
    public static ColumnType of(String declared) {
        return new ColumnType(normalise(declared), declared == null || declared.isBlank() ? "" : declared);
    }

    /**
     * The model type of the column that is a table's only key column: a key of another integer name than
     * {@code INTEGER} is no rowid alias, so it keeps its name ({@code int} does not become {@code integer}).
     */
    public static ColumnType ofSoleKey(String declared) {
        ColumnType type = of(declared);
        String spelled = spelling(declared);
        String base = spelled.indexOf('(') < 0 ? spelled : spelled.substring(0, spelled.indexOf('('));
        return type.base().equals("integer") && !base.equals("integer")
                ? new ColumnType(spelled, type.declared()) : type;
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
        String spelled = spelling(declared);
        int paren = spelled.indexOf('(');
        String base = paren < 0 ? spelled : spelled.substring(0, paren);
        String args = paren < 0 ? "" : spelled.substring(paren);
        String family = family(base);
        return family.equals(APPROXIMATE) ? family : family + args; // float(53), real: one 8-byte float
    }

    /** The shared name of {@code base}'s JDBC type family, when SQLite gives both the same affinity; else itself. */
    private static String family(String base) {
        String family = JDBC_TYPE_NAMES.getOrDefault(base, base);
        return affinityOf(family).equals(affinityOf(base)) ? family : base;
    }

    /** Case, spaces and spaces inside the arguments made uniform. */
    private static String spelling(String declared) {
        if (declared == null || declared.isBlank()) {
            return "";
        }
        return declared.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\)", ")");
    }

    @Override
    public StorageClass storageClass(ColumnType type) {
        return affinity(type);
    }

    /** SQLite's type affinity rules (datatype3.html, section 3.1): INTEGER, TEXT, BLOB, REAL or NUMERIC. */
    public static StorageClass affinity(ColumnType type) {
        return affinityOf(type.canonical());
    }

    private static StorageClass affinityOf(String declared) {
        String d = declared.toUpperCase(Locale.ROOT);
        if (d.contains("INT")) {
            return StorageClass.INTEGER;
        } else if (d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT")) {
            return StorageClass.TEXT;
        } else if (d.contains("BLOB") || d.isBlank()) {
            return StorageClass.BLOB;
        } else if (d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB")) {
            return StorageClass.REAL;
        }
        return StorageClass.NUMERIC;
    }

    /** A single-column key of this exact type is SQLite's rowid alias, assigned automatically on insert. */
    public static boolean isRowidAliasType(ColumnType type) {
        return type.canonical().equals("integer");
    }
}
