package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a role without CREATEDB is told. The test server's roles all have CREATEDB and the test role may not create
 * one that lacks it, so the refusal is PostgreSQL's own message and SQLSTATE, as its server sends them.
 */
class ShadowDatabaseCreateRefusedTest {

    private static final ShadowServer SERVER = new ShadowServer("jdbc:postgresql://localhost:5432/app", "app", "secret");

    @Test
    void roleWithoutCreatedbIsToldTheGrantAndEveryShadowSetting() {
        SQLException refused = new SQLException("ERROR: permission denied to create database", "42501");

        AutogenException e = PostgresShadowDatabase.cannotCreate("autogen_replay_x", SERVER, refused);

        String message = e.getMessage();
        assertTrue(message.startsWith("cannot create shadow database autogen_replay_x: app may not create databases on"
                + " jdbc:postgresql://localhost:5432/app (ERROR: permission denied to create database)"), message);
        assertTrue(message.contains("ALTER ROLE app CREATEDB"), message);
        for (String setting : new String[] {"flyway-autogen.shadow-url", "flyway-autogen.shadow-user",
                "flyway-autogen.shadow-password", "FLYWAY_AUTOGEN_SHADOW_URL", "FLYWAY_AUTOGEN_SHADOW_USER",
                "FLYWAY_AUTOGEN_SHADOW_PASSWORD"}) {
            assertTrue(message.contains(setting), setting + " in: " + message);
        }
        assertFalse(message.contains("secret"), "never the password: " + message);
    }

    @Test
    void otherFailuresKeepPostgresqlsReason() {
        SQLException full = new SQLException("ERROR: could not write to file: No space left on device", "53100");

        String message = PostgresShadowDatabase.cannotCreate("autogen_replay_y", SERVER, full).getMessage();

        assertTrue(message.contains("No space left on device"), message);
        assertFalse(message.contains("ALTER ROLE"), message);
    }
}
