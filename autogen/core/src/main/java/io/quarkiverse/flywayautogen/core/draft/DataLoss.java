package io.quarkiverse.flywayautogen.core.draft;

import io.quarkiverse.flywayautogen.core.model.SequenceTables;
import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an undo would throw away in a live database: values in a column it drops, values a narrowing no longer holds
 * (a text longer than the new length), rows of a table it drops. Asked of the data rather than of the operations alone, because undoing a just-added, still empty column
 * loses nothing, and that is the common case of a draft amended a minute after it was written.
 */
final class DataLoss {

    private DataLoss() {
    }

    static List<String> of(Connection live, List<Operation> undo) {
        List<String> lost = new ArrayList<>();
        String quote = identifierQuote(live);
        for (Operation op : undo) {
            if (!op.destructive()) {
                continue;
            }
            long count;
            if (op instanceof DropColumn drop) {
                count = count(live, quote, drop.table(), quote + drop.column().name() + quote + " IS NOT NULL");
            } else if (op instanceof AlterColumn alter) {
                count = count(live, quote, alter.table(), valuesThatDoNotFit(alter, quote));
            } else if (op instanceof DropTable drop && isSequenceOfDroppedTable(drop, undo)) {
                continue;
            } else if (op instanceof DropTable drop) {
                count = count(live, quote, drop.definition().name(), "1 = 1");
            } else {
                lost.add(op.describe() + " (cannot tell what it loses)");
                continue;
            }
            if (count > 0) {
                lost.add(op.describe() + " (" + count + " row(s) hold data there)");
            }
        }
        return lost;
    }

    /**
     * The rows an ALTER to a narrower type would lose: text longer than the new length, integers out of the new
     * range; for any other narrowing, every value (no cheap test tells which of them would change).
     */
    static String valuesThatDoNotFit(AlterColumn alter, String quote) {
        String column = quote + alter.from().name() + quote;
        ColumnType from = alter.from().type();
        ColumnType to = alter.to().type();
        boolean textToBoundedText = CHARACTER.contains(to.base()) && to.arguments().size() == 1
                && (CHARACTER.contains(from.base()) || UNBOUNDED_TEXT.contains(from.base()));
        if (textToBoundedText) {
            return "length(" + column + ") > " + to.arguments().get(0);
        }
        if (INTEGER_RANGES.containsKey(from.base()) && INTEGER_RANGES.containsKey(to.base())) {
            long[] range = INTEGER_RANGES.get(to.base());
            return column + " NOT BETWEEN " + range[0] + " AND " + range[1];
        }
        return column + " IS NOT NULL";
    }

    private static final List<String> CHARACTER = List.of("varchar", "char", "nvarchar", "nchar");
    private static final List<String> UNBOUNDED_TEXT = List.of("text", "clob");
    private static final Map<String, long[]> INTEGER_RANGES = Map.of(
            "tinyint", new long[]{-128, 127},
            "smallint", new long[]{Short.MIN_VALUE, Short.MAX_VALUE},
            "int2", new long[]{Short.MIN_VALUE, Short.MAX_VALUE},
            "integer", new long[]{Integer.MIN_VALUE, Integer.MAX_VALUE},
            "int", new long[]{Integer.MIN_VALUE, Integer.MAX_VALUE},
            "int4", new long[]{Integer.MIN_VALUE, Integer.MAX_VALUE},
            "bigint", new long[]{Long.MIN_VALUE, Long.MAX_VALUE},
            "int8", new long[]{Long.MIN_VALUE, Long.MAX_VALUE});

    /**
     * Hibernate's emulated sequence ({@code <entity>_SEQ}, one {@code next_val} row that Hibernate itself writes)
     * dropped together with its entity's table: what it numbered are that table's rows, counted there, and the
     * regenerated draft creates it again with its first row. On its own (the entity's table stays) it counts.
     */
    private static boolean isSequenceOfDroppedTable(DropTable drop, List<Operation> undo) {
        if (!SequenceTables.isEmulatingTable(drop.definition())) {
            return false;
        }
        String entityTable = SequenceTables.entityTableOf(drop.definition().name()).orElseThrow();
        return undo.stream().anyMatch(o -> o instanceof DropTable other
                && other.definition().name().equalsIgnoreCase(entityTable));
    }

    /**
     * The live database's own identifier quote: MariaDB reads {@code "x"} as a string unless ANSI_QUOTES is set, and
     * the dev database is the user's, with the user's SQL mode.
     */
    private static String identifierQuote(Connection live) {
        try {
            String quote = live.getMetaData().getIdentifierQuoteString();
            return quote == null || quote.isBlank() ? "\"" : quote.strip();
        } catch (SQLException e) {
            return "\"";
        }
    }

    private static long count(Connection live, String quote, String table, String condition) {
        try (Statement st = live.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + quote + table + quote + " WHERE " + condition)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new AutogenException("cannot read " + table + " in the dev database: " + e.getMessage(), e);
        }
    }
}
