package io.quarkiverse.flywayautogen.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where the dev database is, as the card names it, and what a reload knows of a Dev Services database. */
class DevDatabaseServerTest {

    private static final TargetDatasource DEFAULT = new TargetDatasource("<default>", Optional.of("postgresql"),
            "db/migration", "naming", "", false);

    @Test
    void devServicesDatabaseIsNamedByItsHostAndPort() {
        DevDatabaseServer server = DevDatabaseServer.startedByDevServices(DEFAULT,
                Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:41393/quarkus?loggerLevel=OFF",
                        "quarkus.datasource.username", "quarkus", "quarkus.datasource.password", "secret")).orElseThrow();
        assertEquals("Dev Services PostgreSQL at 127.0.0.1:41393", server.description());
        assertEquals("quarkus", server.user());
        assertFalse(server.toString().contains("secret"), server.toString());
    }

    @Test
    void configuredUrlIsShownWithoutItsQuery() {
        DevDatabaseServer server = new DevDatabaseServer("jdbc:postgresql://db:5432/app?password=secret", null, null, false);
        assertEquals("configured URL jdbc:postgresql://db:5432/app", server.description());
    }

    @Test
    void anotherDatasourcesDevServicesAreNotThisOnes() {
        assertTrue(DevDatabaseServer.startedByDevServices(DEFAULT,
                Map.of("quarkus.datasource.\"other\".jdbc.url", "jdbc:postgresql://127.0.0.1:1/quarkus")).isEmpty());
    }

    @Test
    void aReloadTakesTheCredentialsTheFirstStartKnewForTheSameDatabase() {
        DevDatabaseServer first = new DevDatabaseServer("jdbc:postgresql://127.0.0.1:41393/quarkus", "quarkus", "quarkus", true);
        DevDatabaseServer running = new DevDatabaseServer("jdbc:postgresql://127.0.0.1:41393/quarkus", null, null, true);
        DevDatabaseServer known = running.withCredentialsOf(first, DEFAULT);
        assertEquals("quarkus", known.user());
        assertEquals("quarkus", known.password());
    }
}
