package dev.petmanager.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Which database the suites run on, chosen by the build: SQLite by default, PostgreSQL under {@code -Ppostgresql}
 * (system property {@code pet-manager.test.database}). The same test classes run on both; what differs (where a fresh
 * database comes from, how to look into it) is decided here.
 * <p>
 * PostgreSQL: the server is {@code PET_MANAGER_TEST_PG_URL} (default {@code jdbc:postgresql://localhost:5432/postgres}),
 * the role {@code PET_MANAGER_TEST_PG_USER} / {@code _PASSWORD} (default {@code petmanager} / {@code petmanager}), which
 * needs CREATEDB: every fresh database is a new {@code petmgr_test_*} database, dropped when its tests are done.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRESQL;

    public static TestDatabase current() {
        return valueOf(System.getProperty("pet-manager.test.database", "sqlite").trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isPostgresql() {
        return current() == POSTGRESQL;
    }

    /** The server's administrative URL (its maintenance database), where test databases are created and dropped. */
    public static String serverUrl() {
        return env("PET_MANAGER_TEST_PG_URL", "jdbc:postgresql://localhost:5432/postgres");
    }

    public static String user() {
        return env("PET_MANAGER_TEST_PG_USER", "petmanager");
    }

    public static String password() {
        return env("PET_MANAGER_TEST_PG_PASSWORD", "petmanager");
    }

    /** The URL of database {@code name} on the test server. */
    public static String urlOf(String name) {
        String server = serverUrl();
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : server.substring(query));
    }

    /** Creates a new, empty database on the test server and returns its name. */
    public static String createPostgresDatabase() {
        String name = "petmgr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        administer("CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database {@link #createPostgresDatabase()} made, ending the sessions still connected to it. */
    public static void dropPostgresDatabase(String name) {
        if (!name.startsWith("petmgr_test_")) {
            throw new IllegalArgumentException("not a test database: " + name);
        }
        administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void administer(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the PostgreSQL test server " + serverUrl() + " as "
                    + user() + " (see TestDatabase for the PET_MANAGER_TEST_PG_* variables): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
