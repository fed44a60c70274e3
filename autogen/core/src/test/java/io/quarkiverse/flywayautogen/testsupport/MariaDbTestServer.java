package io.quarkiverse.flywayautogen.testsupport;

import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The MariaDB server the MariaDB tests run against: {@code -Dflyway-autogen.test.mariadb-url/-user/-password}, by
 * default {@code jdbc:mariadb://127.0.0.1:3306/autogen} as user autogen/autogen, which {@code .ci/run} prepares.
 * Without it the tests that need it are skipped, saying what to install; under {@code CI=true} they fail.
 */
public final class MariaDbTestServer {

    public static final String URL = System.getProperty("flyway-autogen.test.mariadb-url", "jdbc:mariadb://127.0.0.1:3306/autogen");
    public static final String USER = System.getProperty("flyway-autogen.test.mariadb-user", "autogen");
    public static final String PASSWORD = System.getProperty("flyway-autogen.test.mariadb-password", "autogen");

    private MariaDbTestServer() {
    }

    /** For {@code @EnabledIf}: whether the server answers; a skip line when not, a failure under CI=true. */
    public static boolean answers() {
        return Prerequisites.present(Prerequisite.MARIADB);
    }

    /** The mariadb dialect with its shadow databases on the test server; skips the test without one. */
    public static Dialect dialect() {
        Prerequisites.assume(Prerequisite.MARIADB);
        return Dialects.require("mariadb", Optional.of(new DevDatabase(URL, USER, PASSWORD, true)));
    }

    /** A statement on the server's own database, e.g. CREATE DATABASE. */
    public static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The URL of another database on the same server. */
    public static String database(String name) {
        return URL.substring(0, URL.lastIndexOf('/') + 1) + name;
    }
}
