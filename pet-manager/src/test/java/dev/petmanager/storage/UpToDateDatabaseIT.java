package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import dev.petmanager.support.Management;
import dev.petmanager.support.Metrics;
import dev.petmanager.support.OlderDatabase;
import dev.petmanager.support.PackagedService;

/**
 * The packaged service started on a database that already holds every migration: it applies none, changes no
 * history, and its metrics say so, with the schema version the database was at (taken from Flyway's migrate
 * result, with no second Flyway run at start).
 */
@DisabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "the database brought up to date here is a SQLite file; the PostgreSQL build ignores it and"
                + " starts on its configured database, which a fresh server holds no migration of")
class UpToDateDatabaseIT {

    @Test
    void nothingIsAppliedAndTheMetricsShowTheVersionTheDatabaseWasAt() throws Exception {
        Path database = Path.of("target", "test-db", UUID.randomUUID().toString(), "pet-manager.db").toAbsolutePath();
        Files.createDirectories(database.getParent());
        OlderDatabase.migrate(database.toString(), "latest");
        List<String> before = history(database);
        String latest = before.get(before.size() - 1).split(" ")[0];

        int managementPort = Management.freePort();
        Process service = PackagedService.startUntilReady(database, Management.freePort(), managementPort, List.of());
        try {
            Metrics metrics = Metrics.scrape(managementPort);
            assertEquals(0, metrics.require("petmanager_migrations_applied"));
            assertEquals(1, metrics.require("petmanager_schema_version", "version", latest));
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        assertEquals(before, history(database));
    }

    /** Flyway's history, one "version checksum installed_on success" line per row. */
    private static List<String> history(Path database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT version, checksum, installed_on, success"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }
}
