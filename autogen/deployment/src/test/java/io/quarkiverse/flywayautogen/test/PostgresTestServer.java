package io.quarkiverse.flywayautogen.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the dev-mode tests run against: {@code -Dflyway-autogen.shadow-url/-user/-password}, by
 * default {@code localhost:5432/autogen} as autogen/autogen, which {@code .ci/run} prepares. Tests that need it are
 * {@code @EnabledIf("io.quarkiverse.flywayautogen.test.PostgresTestServer#answers")}: skipped, saying so, without one.
 */
public final class PostgresTestServer {

    public static final String URL = System.getProperty("flyway-autogen.shadow-url", "jdbc:postgresql://localhost:5432/autogen");
    public static final String USER = System.getProperty("flyway-autogen.shadow-user", "autogen");
    public static final String PASSWORD = System.getProperty("flyway-autogen.shadow-password", "autogen");

    private PostgresTestServer() {
    }

    public static boolean answers() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            System.err.println("skipped: no PostgreSQL at " + URL + " (" + e.getMessage() + ")");
            return false;
        }
    }

    /** The URL of another database on the same server. */
    public static String database(String name) {
        return URL.substring(0, URL.lastIndexOf('/') + 1) + name;
    }

    /** A statement on the server's own database, e.g. CREATE DATABASE. */
    public static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * A new user's {@code application.properties} for a configured PostgreSQL database (no Dev Services) on
     * {@code port}, with {@code database} dropped and created empty first when the server answers (tests are
     * skipped otherwise): what every dev-mode test on PostgreSQL starts from.
     */
    public static String appProperties(String database, int port) {
        if (answers()) {
            try {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                admin("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + database + ": " + e.getMessage(), e);
            }
        }
        return "quarkus.http.port=" + port + "\n"
                + "quarkus.datasource.db-kind=postgresql\n"
                + "quarkus.datasource.devservices.enabled=false\n"
                + "quarkus.datasource.jdbc.url=" + database(database) + "\n"
                + "quarkus.datasource.username=" + USER + "\n"
                + "quarkus.datasource.password=" + PASSWORD + "\n"
                + "quarkus.hibernate-orm.schema-management.strategy=validate\n"
                + "quarkus.flyway.migrate-at-start=true\n";
    }
}
