package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.TypeRules;

import java.util.Locale;
import java.util.Map;

/**
 * SQLite's column types as the model compares them. Two declarations are one type when the driver and Hibernate read
 * them as one and SQLite keeps every value the same way: they name the same JDBC type, or types Hibernate's schema
 * validation takes for each other ({@code Dialect.equivalentTypes}: numeric and decimal; float, real and double; the
 * varchar family, {@code text} included, which sqlite-jdbc reports as VARCHAR), <em>and</em> they have the same type
 * affinity ({@link #affinity}, SQLite's datatype3.html section 3.1), which is what decides how SQLite stores a value.
 * So {@code datetime} is Hibernate's {@code timestamp}, {@code int} its {@code integer}, {@code bool} its
 * {@code boolean}; {@code binary} is not {@code blob} (NUMERIC affinity against BLOB) and {@code date} is not
 * {@code timestamp} (JDBC DATE against TIMESTAMP). Lengths, precision and scale stay part of the type: they are what
 * the entity declares. The one name kept apart is a sole key's: only a key declared exactly {@code INTEGER} is the
 * rowid alias (numbered by SQLite), so {@code id int primary key} is not {@code id integer primary key}.
 */
public final class SqliteTypes implements TypeRules {

    public static final SqliteTypes RULES = new SqliteTypes();

    /**
     * Each name's JDBC type ({@code java.sql.Types}, as sqlite-jdbc's result sets report them: {@code DATETIME} is
     * read as a timestamp), named as Hibernate's SQLite dialect declares it; names of one {@code equivalentTypes}
     * family share one name. Used only where the affinity agrees ({@link #family}).
     */
    private static final Map<String, String> JDBC_TYPE_NAMES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("mediumint", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("unsigned big int", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("decimal", "numeric"),
            Map.entry("real", "double"),
            Map.entry("float", "double"),
            Map.entry("float4", "double"),
            Map.entry("float8", "double"),
            Map.entry("double precision", "double"),
            Map.entry("character", "char"),
            Map.entry("nchar", "char"),
            Map.entry("native character", "char"),
            Map.entry("character varying", "varchar"),
            Map.entry("varying character", "varchar"),
            Map.entry("nvarchar", "varchar"),
            Map.entry("varchar2", "varchar"),
            Map.entry("longvarchar", "varchar"),
            Map.entry("longnvarchar", "varchar"),
            Map.entry("text", "varchar"),
            Map.entry("datetime", "timestamp"),
            Map.entry("timestamp with time zone", "timestamp"),
            Map.entry("timestamptz", "timestamp"));

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
        if (family.equals(APPROXIMATE)) {
            return family; // float(53), real, double precision: one 8-byte float
        }
        if (family.equals("varchar") && args.isEmpty()) {
            return "text"; // varchar without a length is unbounded text
        }
        return family + args;
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
    public String storageClass(ColumnType type) {
        return affinity(type);
    }

    /** SQLite's type affinity rules (datatype3.html, section 3.1): INTEGER, TEXT, BLOB, REAL or NUMERIC. */
    public static String affinity(ColumnType type) {
        return affinityOf(type.canonical());
    }

    private static String affinityOf(String declared) {
        String d = declared.toUpperCase(Locale.ROOT);
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
