package io.quarkiverse.flywayautogen.test.usermodels;

import io.quarkiverse.flywayautogen.test.PostgresTestServer;


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

    /** A new user's application.properties for {@code database}, created empty (see PostgresTestServer). */
    static String properties(String database, int port) {
        return PostgresTestServer.appProperties(database, port);
    }
}
