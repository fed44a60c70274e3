package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.StorageClass;
import io.quarkiverse.flywayautogen.core.model.TypeRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's column types as the model compares them. Hibernate's MariaDBDialect declares {@code integer},
 * {@code bit}, {@code float(53)}, {@code datetime(6)} or {@code enum ('A','B')}; information_schema reads back
 * {@code int(11)}, {@code bit(1)}, {@code double} and {@code enum('A','B')}. Both go through {@link #normalise}:
 * integer display widths are dropped (they change nothing stored), and the two booleans, Hibernate's {@code bit}
 * and the {@code boolean} a hand-written migration declares (stored as {@code tinyint(1)}), are one type, as
 * Hibernate's validation and the driver take them. Enum values keep their case and order: they are the type.
 */
final class MariaDbTypes implements TypeRules {

    static final MariaDbTypes RULES = new MariaDbTypes();

    /** Appended to an identity key's declared text so CREATE TABLE and MODIFY render it; not compared. */
    static final String IDENTITY_CLAUSE = " auto_increment";

    private static final Pattern ENUM = Pattern.compile("(?is)\\s*(enum|set)\\s*\\((.*)\\)\\s*");
    private static final Pattern SQL_STRING = Pattern.compile("'((?:[^']|'')*)'");
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("integer", "int"),
            Map.entry("int4", "int"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("int1", "tinyint"),
            Map.entry("numeric", "decimal"),
            Map.entry("dec", "decimal"),
            Map.entry("fixed", "decimal"),
            Map.entry("double precision", "double"),
            Map.entry("real", "double"),
            Map.entry("character varying", "varchar"),
            Map.entry("national varchar", "varchar"),
            Map.entry("nvarchar", "varchar"),
            Map.entry("character", "char"),
            Map.entry("national char", "char"),
            Map.entry("nchar", "char"),
            Map.entry("bool", "boolean"),
            Map.entry("json", "longtext"));

    private MariaDbTypes() {
    }

    @Override
    public ColumnType type(String declared) {
        return new ColumnType(normalise(declared), declared == null ? "" : declared);
    }

    /** MariaDB numbers rows of any integer type; the declared text carries {@code auto_increment}. */
    @Override
    public ColumnType identity(String declared) {
        return new ColumnType(normalise(declared), typeText(declared) + IDENTITY_CLAUSE, true);
    }

    static ColumnType autoIncrement(String columnType) {
        return RULES.identity(columnType);
    }

    /** The type without {@code auto_increment}, for MODIFY and for a column that stops being numbered. */
    static String typeText(ColumnType type) {
        return typeText(type.declared());
    }

    private static String typeText(String declared) {
        return declared.endsWith(IDENTITY_CLAUSE) ? declared.substring(0, declared.length() - IDENTITY_CLAUSE.length()) : declared;
    }

    static String normalise(String declared) {
        if (declared == null || declared.isBlank()) {
            return "";
        }
        Matcher enumType = ENUM.matcher(declared);
        if (enumType.matches()) {
            return enumType.group(1).toLowerCase(Locale.ROOT) + "(" + String.join(",", values(enumType.group(2)).stream()
                    .map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")";
        }
        String s = declared.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\)", ")");
        String suffix = "";
        for (String attribute : List.of(" zerofill", " unsigned", " signed")) {
            if (s.endsWith(attribute)) {
                suffix = attribute.equals(" signed") ? suffix : attribute + suffix;
                s = s.substring(0, s.length() - attribute.length());
            }
        }
        int paren = s.indexOf('(');
        String base = paren < 0 ? s : s.substring(0, paren);
        String args = paren < 0 ? "" : s.substring(paren);
        base = SYNONYMS.getOrDefault(base, base);
        if ((base.equals("tinyint") && args.equals("(1)") && suffix.isEmpty()) || base.equals("boolean")
                || (base.equals("bit") && (args.isEmpty() || args.equals("(1)")))) {
            return "boolean";
        }
        if (INTEGERS.contains(base)) {
            return base + suffix; // the display width stores nothing
        }
        if (base.equals("float")) {
            // float(p): p <= 24 is a single-precision float, otherwise double (MariaDB's floating-point types)
            int p = args.isEmpty() ? 24 : Integer.parseInt(args.substring(1, args.indexOf(',') > 0 ? args.indexOf(',') : args.length() - 1));
            return p <= 24 ? "float" : "double";
        }
        if (base.equals("decimal")) {
            if (args.isEmpty()) {
                return "decimal(10,0)";
            }
            return args.contains(",") ? base + args : base + args.substring(0, args.length() - 1) + ",0)";
        }
        if ((base.equals("time") || base.equals("datetime") || base.equals("timestamp")) && args.equals("(0)")) {
            return base; // whole seconds, the default precision
        }
        if (base.equals("char") && args.isEmpty()) {
            return "char(1)";
        }
        return base + args + suffix;
    }

    /** The values of an {@code enum(...)} type as declared, unquoted; empty for any other type. */
    static List<String> enumValues(ColumnType type) {
        Matcher enumType = ENUM.matcher(type.canonical());
        return enumType.matches() && enumType.group(1).equals("enum") ? values(enumType.group(2)) : List.of();
    }

    private static List<String> values(String list) {
        List<String> values = new ArrayList<>();
        Matcher literal = SQL_STRING.matcher(list);
        while (literal.find()) {
            values.add(literal.group(1).replace("''", "'"));
        }
        return values;
    }

    /** Values MariaDB parses from text: an enum's own values, a uuid. */
    @Override
    public Optional<String> sampleText(ColumnType type, Schema schema, int i) {
        List<String> values = enumValues(type);
        if (!values.isEmpty()) {
            return Optional.of(values.get((i - 1) % values.size()));
        } else if (type.base().equals("uuid")) {
            return Optional.of(new UUID(0x5A3B1E0000000000L, i).toString());
        }
        return Optional.empty();
    }

    @Override
    public StorageClass storageClass(ColumnType type) {
        String base = type.base();
        if (base.equals("boolean") || INTEGERS.stream().anyMatch(base::startsWith)) {
            return StorageClass.INTEGER;
        } else if (base.equals("float") || base.equals("double")) {
            return StorageClass.REAL;
        } else if (base.endsWith("blob") || base.endsWith("binary")) {
            return StorageClass.BLOB;
        } else if (base.equals("decimal") || base.startsWith("date") || base.startsWith("time") || base.equals("year")) {
            return StorageClass.NUMERIC;
        }
        return StorageClass.TEXT;
    }
}
