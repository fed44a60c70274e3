package io.quarkiverse.flywayautogen.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A column type: {@code canonical} is the declared type with its spelling normalised by the dialect's reader (lower
 * case, no spaces, synonyms folded: {@code VARCHAR( 40 )} is {@code varchar(40)}) and decides equality;
 * {@code declared} is the text to render. Lengths, precision and scale are part of the type: they are what the
 * entity declares and what Hibernate's validation and every later reader sees.
 */
public record ColumnType(String canonical, String declared, boolean generated) {

    /** Integer types by width, then the exact and approximate numerics they widen into. */
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "int2", "mediumint", "int", "int4",
            "integer", "bigint", "int8");
    private static final List<String> APPROXIMATE = List.of("real", "float4", "float", "double", "float8");
    private static final List<String> UNBOUNDED_TEXT = List.of("text", "clob", "longvarchar", "longtext");
    /** Decimal digits the largest value of each integer type has (tinyint 127 ... bigint 9223372036854775807). */
    private static final List<Integer> INTEGER_DIGITS = List.of(3, 5, 5, 7, 10, 10, 10, 19, 19);
    /** Dates and times by what they hold: each later one holds every value of the earlier ones. */
    private static final List<String> MOMENTS = List.of("date", "timestamp", "timestamptz");

    public ColumnType {
        Objects.requireNonNull(canonical, "canonical");
        declared = declared == null || declared.isBlank() ? canonical : declared.trim();
    }

    public ColumnType(String canonical, String declared) {
        this(canonical, declared, false);
    }

    /** The same type, without regard to who numbers its values. */
    public boolean sameTypeAs(ColumnType other) {
        return canonical.equals(other.canonical);
    }

    /** The type name without arguments, e.g. {@code varchar} for {@code varchar(40)}. */
    public String base() {
        int paren = canonical.indexOf('(');
        return paren < 0 ? canonical : canonical.substring(0, paren).trim();
    }

    /** The numeric arguments, e.g. {@code [10, 2]} for {@code numeric(10,2)}; empty when there are none. */
    public List<Integer> arguments() {
        int open = canonical.indexOf('(');
        int close = canonical.lastIndexOf(')');
        if (open < 0 || close < open) {
            return List.of();
        }
        try {
            return java.util.Arrays.stream(canonical.substring(open + 1, close).split(","))
                    .map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    /**
     * True when values of {@code this} type may not fit {@code target}: a shorter length, fewer digits or decimals,
     * a smaller integer, or a move out of a family (text into a number, a number into a date). Widening changes
     * (a longer text, a larger integer, an integer into a wide enough decimal, a date into a timestamp, a boolean
     * into an integer), and any type into unbounded text, keep every value: no rebuild or ALTER of those is
     * destructive. Spellings of one type never get here: the dialect's reader folded them into one canonical name.
     */
    public boolean narrowsTo(ColumnType target) {
        if (sameTypeAs(target)) {
            return false;
        }
        String from = sqlName(base());
        String to = sqlName(target.base());
        if (UNBOUNDED_TEXT.contains(to)) {
            return false;
        }
        if (from.equals(to)) {
            return argumentsShrink(arguments(), target.arguments());
        }
        if (INTEGERS.contains(from) && INTEGERS.contains(to)) {
            return INTEGERS.indexOf(to) < INTEGERS.indexOf(from) && !sameWidth(from, to);
        }
        if (isCharacter(from) && isCharacter(to)) {
            return argumentsShrink(arguments(), target.arguments());
        }
        if (INTEGERS.contains(from) && APPROXIMATE.contains(to)) {
            return false; // every integer has a value there (past 2^53 an approximate one, as the entity asks)
        }
        if (INTEGERS.contains(from) && to.equals("numeric")) {
            List<Integer> precisionScale = target.arguments();
            int integerDigits = precisionScale.isEmpty() ? Integer.MAX_VALUE
                    : precisionScale.get(0) - (precisionScale.size() > 1 ? precisionScale.get(1) : 0);
            return integerDigits < INTEGER_DIGITS.get(INTEGERS.indexOf(from));
        }
        if (from.equals("boolean") && INTEGERS.contains(to)) {
            return false; // true and false become 1 and 0, as SQLite stores them anyway
        }
        if (MOMENTS.contains(from) && MOMENTS.indexOf(to) > MOMENTS.indexOf(from)) {
            // a date is midnight of that day, a timestamp one instant; only fewer fractional digits lose anything
            return !from.equals("date") && argumentsShrink(arguments(), target.arguments());
        }
        return !(APPROXIMATE.contains(from) && APPROXIMATE.indexOf(to) >= APPROXIMATE.indexOf(from));
    }

    /**
     * The SQL standard's name for a name that declares the same values in every database (a dialect may still tell
     * them apart, as Hibernate's validation on SQLite tells {@code datetime} from {@code timestamp}: changing one
     * into the other keeps every value).
     */
    private static String sqlName(String base) {
        return switch (base) {
            case "decimal" -> "numeric";
            case "bool" -> "boolean";
            case "datetime" -> "timestamp";
            case "character varying", "nvarchar" -> "varchar";
            case "character", "nchar" -> "char";
            case "double precision" -> "double";
            default -> base;
        };
    }

    private static boolean sameWidth(String a, String b) {
        List<List<String>> groups = List.of(List.of("int", "int4", "integer"), List.of("bigint", "int8"), List.of("smallint", "int2"));
        return groups.stream().anyMatch(g -> g.contains(a) && g.contains(b));
    }

    private static boolean isCharacter(String base) {
        return base.equals("varchar") || base.equals("char") || base.equals("nvarchar") || base.equals("nchar");
    }

    /** Missing arguments mean "unbounded" (varchar) or the default precision, which any bound narrows. */
    private static boolean argumentsShrink(List<Integer> from, List<Integer> to) {
        if (to.isEmpty()) {
            return false;
        }
        if (from.isEmpty()) {
            return true;
        }
        if (from.size() == 2 && to.size() == 2) {
            // numeric(p,s): both the integer digits (p-s) and the decimals (s) must still fit
            return to.get(0) - to.get(1) < from.get(0) - from.get(1) || to.get(1) < from.get(1);
        }
        return to.get(0) < from.get(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnType other && canonical.equals(other.canonical) && generated == other.generated;
    }

    @Override
    public int hashCode() {
        return canonical.hashCode() * 31 + Boolean.hashCode(generated);
    }

    @Override
    public String toString() {
        return (canonical.isEmpty() ? "(no type)" : canonical) + (generated ? " generated" : "");
    }
}
