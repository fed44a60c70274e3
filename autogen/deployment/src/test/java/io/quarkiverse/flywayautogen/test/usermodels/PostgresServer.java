package io.quarkiverse.flywayautogen.test.usermodels;

import io.quarkiverse.flywayautogen.test.PostgresTestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The module's PostgreSQL test server ({@link PostgresTestServer}) as these tests use it: each test class gets a
 * database of its own, created empty; tests are skipped, saying so, without a server.
 */
final class PostgresServer {

    static final String URL = PostgresTestServer.URL;
    static final String USER = PostgresTestServer.USER;
    static final String PASSWORD = PostgresTestServer.PASSWORD;

    private PostgresServer() {
    }

    static boolean answers() {
        return PostgresTestServer.answers();
    }

    static String url(String database) {
        return PostgresTestServer.database(database);
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
