package io.quarkiverse.flywayautogen.core.postgresql;

/**
 * The shared PostgreSQL test server ({@link io.quarkiverse.flywayautogen.testsupport.PostgresTestServer}: where it
 * is, and the skip, or failure under CI=true, without one) as core's tests use it: a shadow server and its dialect.
 */
public final class PostgresTestServer extends io.quarkiverse.flywayautogen.testsupport.PostgresTestServer {

    private PostgresTestServer() {
    }

    public static ShadowServer require() {
        return shadowServer();
    }

    public static PostgresDialect dialect() {
        return new PostgresDialect(require());
    }
}
