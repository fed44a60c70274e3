package io.quarkiverse.flywayautogen.test.usermodels;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The database the dev-mode application migrates, opened from the test side: a SQLite file or a PostgreSQL database. */
interface Database {

    Connection connect() throws SQLException;

    /** The columns of {@code table}, in lower case. */
    List<String> columns(String table) throws SQLException;

    /** The first column of the first row, or null. */
    default String query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    default List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }

    static Database sqlite(Path file) {
        return new Database() {
            @Override
            public Connection connect() throws SQLException {
                // the driver directly: DriverManager only sees drivers of the caller's class loader
                return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), new Properties());
            }

            @Override
            public List<String> columns(String table) throws SQLException {
                return strings("SELECT name FROM pragma_table_info('" + table + "')");
            }
        };
    }

    static Database postgres(String url, String user, String password) {
        return new Database() {
            @Override
            public Connection connect() throws SQLException {
                Properties credentials = new Properties();
                credentials.setProperty("user", user);
                credentials.setProperty("password", password);
                return new org.postgresql.Driver().connect(url, credentials);
            }

            @Override
            public List<String> columns(String table) throws SQLException {
                return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name = '" + table.toLowerCase(Locale.ROOT) + "' ORDER BY ordinal_position");
            }
        };
    }
}
