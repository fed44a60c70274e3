package io.quarkiverse.flywayautogen.core.rollout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** How many rows a table holds in the dev database, where one is known: a rebuild's cost is read off it. */
@FunctionalInterface
public interface TableSizes {

    OptionalLong rows(String table);

    static TableSizes unknown() {
        return table -> OptionalLong.empty();
    }

    static TableSizes of(Map<String, Long> rows) {
        return table -> rows.containsKey(table) ? OptionalLong.of(rows.get(table)) : OptionalLong.empty();
    }

    /**
     * Counted on demand in the database {@code connections} opens, once per table; a table the database does not
     * hold (not migrated yet) or cannot count is unknown.
     */
    static TableSizes counted(Supplier<Connection> connections) {
        Map<String, OptionalLong> counted = new HashMap<>();
        return table -> counted.computeIfAbsent(table, t -> {
            try (Connection c = connections.get(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            } catch (SQLException | RuntimeException e) {
                return OptionalLong.empty();
            }
        });
    }
}
