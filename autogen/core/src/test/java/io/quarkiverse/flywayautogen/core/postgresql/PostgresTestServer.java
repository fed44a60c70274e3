package io.quarkiverse.flywayautogen.core.postgresql;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server the tests run against: {@code -Dflyway-autogen.shadow-url/-user/-password}, by default
 * {@code jdbc:postgresql://localhost:5432/autogen} as role autogen/autogen (CREATEDB), as {@code .ci/run} starts it.
 * Tests that need it are skipped, saying why, when no server answers there.
 */
public final class PostgresTestServer {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/autogen";

    private static ShadowServer server;
    private static String unavailable;

    private PostgresTestServer() {
    }

    public static synchronized ShadowServer require() {
        if (server == null && unavailable == null) {
            ShadowServer candidate = new ShadowServer(
                    System.getProperty(ShadowServer.URL_PROPERTY, DEFAULT_URL),
                    System.getProperty(ShadowServer.USER_PROPERTY, "autogen"),
                    System.getProperty(ShadowServer.PASSWORD_PROPERTY, "autogen"));
            try (Connection ignored = DriverManager.getConnection(candidate.adminUrl(), candidate.user(), candidate.password())) {
                server = candidate;
            } catch (SQLException e) {
                unavailable = "no PostgreSQL server at " + candidate.adminUrl() + " (" + e.getMessage() + "): start one"
                        + " (pg_ctlcluster 15 main start) or set -D" + ShadowServer.URL_PROPERTY + "; PostgreSQL tests skipped";
            }
        }
        Assumptions.assumeTrue(server != null, unavailable);
        return server;
    }

    public static PostgresDialect dialect() {
        return new PostgresDialect(require());
    }
}
