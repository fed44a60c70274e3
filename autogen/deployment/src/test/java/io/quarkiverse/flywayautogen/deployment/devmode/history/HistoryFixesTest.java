package io.quarkiverse.flywayautogen.deployment.devmode.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.flywayautogen.deployment.DevDatasource;

/**
 * The broken-history cases dev mode cannot be driven into on SQLite or PostgreSQL (DevModeBrokenHistoryTest covers
 * the others end to end): a migration file deleted after it was applied, and a failed migration's history row, which
 * only databases without transactional DDL (MySQL, Oracle) leave behind. Each on a real SQLite dev database that
 * Flyway migrated, found by the history check as the Dev UI shows it, then fixed as its button does.
 */
class HistoryFixesTest {

    @TempDir
    Path dir;

    private Path migrations;
    private DevDatasource database;
    private HistoryFixes fixes;

    @BeforeEach
    void migratedDevDatabase() throws Exception {
        migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_owner.sql"), "CREATE TABLE owner (id INTEGER PRIMARY KEY, name VARCHAR(255));\n");
        Files.writeString(migrations.resolve("V2__add_owner_email.sql"), "ALTER TABLE owner ADD COLUMN email VARCHAR(255);\n");
        Files.writeString(migrations.resolve("V3__create_pet.sql"), "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owner (id));\n");
        database = new DevDatasource("jdbc:sqlite:" + dir.resolve("dev.db"), null, null, "flyway_schema_history");
        database.flyway(migrations).migrate();
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO owner (name, email) VALUES ('Ada', 'ada@example.com')");
        }
        fixes = new HistoryFixes(database, migrations, "sqlite",
                io.quarkiverse.flywayautogen.core.settings.SettingsReader.read(new io.smallrye.config.SmallRyeConfigBuilder().build()));
        assertFalse(fixes.check().broken(), "a freshly migrated database is in line with its folder");
    }

    @Test
    void aDeletedMigrationIsFoundAndRepairForgetsItKeepingTheSchemaAndRows() throws Exception {
        Files.delete(migrations.resolve("V2__add_owner_email.sql"));

        HistoryCheck.Finding finding = fixes.check();

        assertEquals(1, finding.problems().size(), finding.summary());
        HistoryCheck.Problem problem = finding.problems().get(0);
        assertEquals(HistoryCheck.Case.DELETED, problem.kind());
        assertEquals("2", problem.version());
        assertEquals(List.of("repair", "reset"), problem.kind().fixes);

        fixes.repair();

        assertFalse(fixes.check().broken(), fixes.check().summary());
        assertEquals(List.of("id", "name", "email"), columns("owner"), "repair touches Flyway's history only");
        assertEquals(1, count("owner"));
    }

    @Test
    void aFailedMigrationsRowIsFoundAndRepairRemovesItSoThatFlywayAppliesTheFileAgain() throws Exception {
        Files.writeString(migrations.resolve("V4__add_pet_name.sql"), "ALTER TABLE pet ADD COLUMN name VARCHAR(255);\n");
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            // the row Flyway records for a migration that failed where DDL is not transactional
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success)"
                    + " VALUES (4, '4', 'add pet name', 'SQL', 'V4__add_pet_name.sql', 1, 'dev', 3, 0)");
        }

        HistoryCheck.Finding finding = fixes.check();

        assertEquals(1, finding.problems().size(), finding.summary());
        assertEquals(HistoryCheck.Case.FAILED, finding.problems().get(0).kind());
        assertEquals("4", finding.problems().get(0).version());
        assertTrue(finding.problems().get(0).migration().startsWith("V4__add_pet_name"), finding.summary());

        fixes.repair();

        assertFalse(fixes.check().broken(), fixes.check().summary());
        assertEquals(1, database.flyway(migrations).migrate().migrationsExecuted, "the repaired V4 is pending again");
        assertEquals(List.of("id", "owner_id", "name"), columns("pet"));
        assertTrue(database.applied("4"));
    }

    @Test
    void aDatabaseAheadOfTheFolderOffersOnlyResetWhichRebuildsItFromTheFiles() throws Exception {
        Files.delete(migrations.resolve("V3__create_pet.sql"));

        HistoryCheck.Finding finding = fixes.check();

        assertEquals(1, finding.problems().size(), finding.summary());
        assertEquals(HistoryCheck.Case.DATABASE_AHEAD, finding.problems().get(0).kind());
        assertEquals(List.of("reset"), finding.problems().get(0).kind().fixes);

        fixes.reset();

        assertFalse(fixes.check().broken(), fixes.check().summary());
        assertEquals(List.of(), columns("pet"), "reset dropped what no file creates");
        assertEquals(0, count("owner"), "reset starts from empty tables");
    }

    private List<String> columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = database.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    private long count(String table) throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
