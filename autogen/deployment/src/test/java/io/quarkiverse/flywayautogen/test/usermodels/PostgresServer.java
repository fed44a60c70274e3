package io.quarkiverse.flywayautogen.test.usermodels;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests run against, as for the module's other PostgreSQL tests:
 * {@code -Dflyway-autogen.shadow-url/-user/-password}, by default {@code localhost:5432/autogen} as autogen/autogen.
 * Each test class gets a database of its own, created empty; tests are skipped, saying so, without a server.
 */
final class PostgresServer {

    static final String URL = System.getProperty("flyway-autogen.shadow-url", "jdbc:postgresql://localhost:5432/autogen");
    static final String USER = System.getProperty("flyway-autogen.shadow-user", "autogen");
    static final String PASSWORD = System.getProperty("flyway-autogen.shadow-password", "autogen");

    private PostgresServer() {
    }

    static boolean answers() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            System.err.println("skipped: no PostgreSQL at " + URL + " (" + e.getMessage() + ")");
            return false;
        }
    }

    static String url(String database) {
        return URL.substring(0, URL.lastIndexOf('/') + 1) + database;
    }

    static Database database(String name) {
        return Database.postgres(url(name), USER, PASSWORD);
    }

    /** Drops and creates {@code name}, when the server answers (the class is skipped otherwise). */
    static void createEmpty(String name) {
        if (!answers()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A new user's application.properties for a configured PostgreSQL database (no Dev Services). */
    static String properties(String database, int port) {
        createEmpty(database);
        return "quarkus.http.port=" + port + "\n"
                + "quarkus.datasource.db-kind=postgresql\n"
                + "quarkus.datasource.devservices.enabled=false\n"
                + "quarkus.datasource.jdbc.url=" + url(database) + "\n"
                + "quarkus.datasource.username=" + USER + "\n"
                + "quarkus.datasource.password=" + PASSWORD + "\n"
                + "quarkus.hibernate-orm.schema-management.strategy=validate\n"
                + "quarkus.flyway.migrate-at-start=true\n";
    }
}
