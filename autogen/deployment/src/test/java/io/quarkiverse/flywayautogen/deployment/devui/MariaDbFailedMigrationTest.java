package io.quarkiverse.flywayautogen.deployment.devui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.flywayautogen.core.settings.SettingsReader;
import io.quarkiverse.flywayautogen.deployment.DevDatasource;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryCheck;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryFixes;
import io.quarkiverse.flywayautogen.testsupport.MariaDbTestServer;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The history page's <em>failed</em> case as MariaDB really leaves it: MariaDB commits each DDL statement, so a
 * script whose second statement fails on the data (a column narrowed below a row's value) keeps its first statement
 * applied, and Flyway records a failed row. The page shows the file as failed, the history check offers repair and
 * reset, and each fix, with the file corrected, brings the dev database in line with the folder. On a real MariaDB
 * database ({@link MariaDbTestServer}); skipped when none answers.
 */
@EnabledIf("io.quarkiverse.flywayautogen.testsupport.MariaDbTestServer#answers")
class MariaDbFailedMigrationTest {

    private static final String DATABASE = "autogen_failed_history_test";
    private static final String URL = MariaDbTestServer.database(DATABASE);
    private static final String V2 = "V2__add_email_narrow_name.sql";

    @TempDir
    Path dir;

    private Path migrations;
    private DevDatasource database;
    private HistoryFixes fixes;

    @BeforeEach
    void halfAppliedScript() throws Exception {
        MariaDbTestServer.admin("DROP DATABASE IF EXISTS " + DATABASE);
        MariaDbTestServer.admin("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_owner.sql"), "CREATE TABLE owner (id INT PRIMARY KEY, name VARCHAR(255));\n"
                + "INSERT INTO owner (id, name) VALUES (1, 'Ada Lovelace');\n");
        // the second statement fails on the row (strict mode: 'Data too long'), after the first was committed
        Files.writeString(migrations.resolve(V2), "ALTER TABLE owner ADD COLUMN email VARCHAR(255);\n"
                + "ALTER TABLE owner MODIFY name VARCHAR(3) NOT NULL;\n");
        database = new DevDatasource(URL, MariaDbTestServer.USER, MariaDbTestServer.PASSWORD, "flyway_schema_history");
        assertThrows(FlywayException.class, () -> database.flyway(migrations).migrate());
        fixes = new HistoryFixes(database, migrations, "mariadb", SettingsReader.read(new SmallRyeConfigBuilder().build()));
    }

    @AfterEach
    void dropTheDatabase() throws SQLException {
        MariaDbTestServer.admin("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void aHalfAppliedScriptIsShownFailedAndRepairWithTheFileMadeRerunnableAppliesIt() throws Exception {
        assertEquals("id,name,email", columns(), "MariaDB kept the first statement of the failed script");
        assertEquals("0", query("SELECT success FROM flyway_schema_history WHERE version = '2'"), "Flyway recorded the failure");

        List<String> rows = rows(new MigrationHistory(Optional.of(URL), Optional.of(MariaDbTestServer.USER),
                Optional.of(MariaDbTestServer.PASSWORD), "flyway_schema_history").toJson(migrations));
        assertEquals(List.of("1 V1__create_owner.sql applied", "2 " + V2 + " failed"), rows);

        HistoryCheck.Finding finding = fixes.check();
        assertEquals(1, finding.problems().size(), finding.summary());
        assertEquals(HistoryCheck.Case.FAILED, finding.problems().get(0).kind());
        assertEquals("2", finding.problems().get(0).version());

        // the file corrected so that it runs again over its own first half; repair forgets the failed row
        Files.writeString(migrations.resolve(V2), "ALTER TABLE owner ADD COLUMN IF NOT EXISTS email VARCHAR(255);\n"
                + "ALTER TABLE owner MODIFY name VARCHAR(100) NOT NULL;\n");
        fixes.repair();

        assertFalse(fixes.check().broken(), fixes.check().summary());
        assertEquals(1, database.flyway(migrations).migrate().migrationsExecuted, "the repaired V2 is pending again");
        assertEquals("id,name,email", columns());
        assertEquals("varchar(100)", query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + DATABASE + "' AND TABLE_NAME = 'owner' AND COLUMN_NAME = 'name'"));
        assertEquals("Ada Lovelace", query("SELECT name FROM owner"), "repair touches Flyway's history only");
        assertTrue(database.applied("2"));
    }

    @Test
    void resetRebuildsTheHalfAppliedDatabaseFromTheCorrectedFiles() throws Exception {
        Files.writeString(migrations.resolve(V2), "ALTER TABLE owner ADD COLUMN email VARCHAR(255);\n"
                + "ALTER TABLE owner MODIFY name VARCHAR(100) NOT NULL;\n");

        fixes.reset();

        assertFalse(fixes.check().broken(), fixes.check().summary());
        assertEquals("id,name,email", columns());
        assertEquals("1", query("SELECT COUNT(*) FROM owner"), "V1's row, inserted again");
        assertEquals("2", query("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"));
    }

    private static List<String> rows(Map<String, Object> json) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) json.get("history");
        return history.stream().map(r -> (r.get("version") + " " + r.get("file") + " " + r.get("state")).strip()).toList();
    }

    private static String columns() throws SQLException {
        return query("SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = '" + DATABASE + "' AND TABLE_NAME = 'owner'");
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(URL, MariaDbTestServer.USER, MariaDbTestServer.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
