package io.quarkiverse.flywayautogen.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.quarkiverse.flywayautogen.core.postgresql.ShadowServer;

/**
 * The one PostgreSQL server every autogen module's tests run against (shared through core's test-jar):
 * {@code -Dflyway-autogen.shadow-url/-user/-password}, by default {@code jdbc:postgresql://localhost:5432/autogen} as
 * role autogen/autogen with CREATEDB, which {@code .ci/run} prepares. Without it the tests that need it are skipped,
 * saying what to install; under {@code CI=true} they fail ({@link Prerequisites}).
 * <p>
 * Not final: a module's own {@code PostgresTestServer} extends it, adding what only that module needs, so that its
 * tests keep calling {@code PostgresTestServer.URL} or {@code #answers} unqualified.
 */
public class PostgresTestServer {

    public static final String URL_PROPERTY = ShadowServer.URL_PROPERTY;
    public static final String URL = System.getProperty(URL_PROPERTY, "jdbc:postgresql://localhost:5432/autogen");
    public static final String USER = System.getProperty(ShadowServer.USER_PROPERTY, "autogen");
    public static final String PASSWORD = System.getProperty(ShadowServer.PASSWORD_PROPERTY, "autogen");

    protected PostgresTestServer() {
    }

    /**
     * Whether the server answers, for {@code @EnabledIf("...PostgresTestServer#answers")}: prints the one skip line
     * when not; throws under {@code CI=true}.
     */
    public static boolean answers() {
        return Prerequisites.present(Prerequisite.POSTGRESQL);
    }

    /** Inside a test: skips it (fails it under CI=true) without the server. */
    public static void assumeAnswers() {
        Prerequisites.assume(Prerequisite.POSTGRESQL);
    }

    /** The server as the engine's shadow database server; skips the test without one. */
    public static ShadowServer shadowServer() {
        assumeAnswers();
        return new ShadowServer(URL, USER, PASSWORD);
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
