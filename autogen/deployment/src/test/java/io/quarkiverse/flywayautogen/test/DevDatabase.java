package io.quarkiverse.flywayautogen.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The SQLite file the dev-mode application migrates, opened from the test side. */
final class DevDatabase {

    private final Path file;

    DevDatabase(Path file) {
        this.file = file;
    }

    List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        return columns;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    String query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Connection connect() throws SQLException {
        // the driver directly: DriverManager only sees drivers of the caller's class loader, not the dev-mode one's
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), new java.util.Properties());
    }
}
