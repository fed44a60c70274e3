package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Row counts per table: every table a script keeps must keep its rows. */
public final class RowCounts {

    private RowCounts() {
    }

    public static Map<String, Long> count(Connection c, Schema schema, Dialect dialect) {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (Table t : schema.tables()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + dialect.quoteIdentifier(t.name()))) {
                    rs.next();
                    counts.put(t.name(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows: " + e.getMessage(), e);
        }
        return counts;
    }
}
