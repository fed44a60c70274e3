package io.quarkiverse.flywayautogen.test;

/**
 * The shared PostgreSQL test server ({@link io.quarkiverse.flywayautogen.testsupport.PostgresTestServer}, from core's
 * test-jar) under the name the dev-mode tests use: {@code URL}, {@code USER}, {@code PASSWORD}, {@code database},
 * {@code admin}, {@code appProperties}. Tests that need it are
 * {@code @EnabledIf("io.quarkiverse.flywayautogen.test.PostgresTestServer#answers")}: skipped, saying what to
 * install, without one; failing under CI=true.
 */
public final class PostgresTestServer extends io.quarkiverse.flywayautogen.testsupport.PostgresTestServer {

    private PostgresTestServer() {
    }
}
