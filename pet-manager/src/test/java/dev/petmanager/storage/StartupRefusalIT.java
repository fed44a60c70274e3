package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import dev.petmanager.support.OlderDatabase;
import dev.petmanager.support.PackagedService;
import dev.petmanager.support.PackagedService.Outcome;

/**
 * The packaged service (jar or native executable) refuses a database it must not serve: it exits non-zero with one
 * clear last line, and leaves the database exactly as it was.
 */
@DisabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "refusals staged on SQLite files; not yet written for a PostgreSQL database")
class StartupRefusalIT {

    private Path database;

    @BeforeEach
    void newDatabase() throws Exception {
        database = Path.of("target", "test-db", UUID.randomUUID().toString(), "pet-manager.db").toAbsolutePath();
        Files.createDirectories(database.getParent());
    }

    @Test
    void pendingMigrationThatFailsStopsTheServiceAndChangesNothing() throws Exception {
        OlderDatabase.migrate(database.toString(), "1");
        execute("INSERT INTO users (id, name, email, created_at, version) VALUES (1, 'Ann', 'ann@example.com', 0, 0)");
        // Migration 2 creates this index; finding it already there makes the pending migration fail for real.
        execute("CREATE INDEX ix_pets_species ON pets (name)");
        String before = snapshot();

        Outcome outcome = PackagedService.runUntilExit(database, 120);

        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.lastLine().startsWith("Pet Manager cannot start: database migrations: "), outcome.lastLine());
        assertTrue(outcome.lastLine().contains("V2__create_index_ix_pets_species.sql"), outcome.lastLine());
        assertTrue(outcome.lastLine().contains("already exists"), outcome.lastLine());
        assertEquals(before, snapshot(), "schema, rows and history exactly as before");
    }

    @Test
    void migrationThatFailedEarlierIsRefused() throws Exception {
        OlderDatabase.migrate(database.toString(), "1");
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (2, '2', 'create index ix pets species',"
                + " 'SQL', 'V2__create_index_ix_pets_species.sql', 0, 'test', 1, 0)");
        String before = snapshot();

        Outcome outcome = PackagedService.runUntilExit(database, 120);

        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.lastLine().contains("failed migration to version 2"), outcome.lastLine());
        assertEquals(before, snapshot());
    }

    @Test
    void changedChecksumIsRefused() throws Exception {
        Path edited = Files.createDirectories(database.getParent().resolve("edited"));
        String v1 = new String(getClass().getResourceAsStream("/db/migration/sqlite/V1__create_users_and_pets.sql").readAllBytes());
        Files.writeString(edited.resolve("V1__create_users_and_pets.sql"), v1 + "\n-- edited after release\n");
        Flyway.configure().dataSource("jdbc:sqlite:" + database, null, null)
                .locations("filesystem:" + edited).load().migrate();
        String before = snapshot();

        Outcome outcome = PackagedService.runUntilExit(database, 120);

        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.lastLine().contains("checksum mismatch for migration version 1"), outcome.lastLine());
        assertEquals(before, snapshot());
    }

    @Test
    void databaseNewerThanTheBuildIsRefused() throws Exception {
        OlderDatabase.migrate(database.toString(), "latest");
        Path newer = Files.createDirectories(database.getParent().resolve("newer"));
        Files.writeString(newer.resolve("V99__from_a_newer_release.sql"), "CREATE TABLE vets (id INTEGER PRIMARY KEY);\n");
        Flyway.configure().dataSource("jdbc:sqlite:" + database, null, null)
                .locations("classpath:db/migration/sqlite", "filesystem:" + newer).load().migrate();
        String before = snapshot();

        Outcome outcome = PackagedService.runUntilExit(database, 120);

        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.lastLine().contains("not resolved locally: 99"), outcome.lastLine());
        assertEquals(before, snapshot());
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every schema object and every row of every table, including Flyway's history. */
    private String snapshot() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                    if ("table".equals(rs.getString(1))) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int c = 1; c <= columns; c++) {
                            row.append(' ').append(rs.getString(c));
                        }
                        lines.add(row.toString());
                    }
                }
            }
        }
        return String.join("\n", lines);
    }
}
