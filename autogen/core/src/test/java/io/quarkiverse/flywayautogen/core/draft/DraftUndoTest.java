package io.quarkiverse.flywayautogen.core.draft;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dev database migrated with a draft, taken back to before it: on a real SQLite file with Flyway's history. */
class DraftUndoTest {

    private final DraftUndo undo = new DraftUndo(Dialects.require("sqlite"));

    @Test
    void undoesAnAddedColumnAndForgetsTheDraftKeepingTheRows() throws Exception {
        Path migrations = migrations("ALTER TABLE pets ADD COLUMN weight INTEGER;");
        String url = migrate(migrations);
        execute(url, "INSERT INTO pets (name) VALUES ('Rex')");
        try (MigrationsBefore before = MigrationsBefore.copyWithout(migrations, Set.of("V2__add_weight.sql"));
             Connection live = DriverManager.getConnection(url)) {
            DraftUndo.Plan plan = undo.plan(live, before.folder());
            assertEquals("drop column pets.weight", plan.summary());
            undo.apply(live, plan, "flyway_schema_history", "2");
        }
        assertEquals(List.of("id", "name"), columns(url));
        assertEquals("1", single(url, "SELECT COUNT(*) FROM pets"));
        assertEquals("1", single(url, "SELECT group_concat(version) FROM flyway_schema_history"));
    }

    @Test
    void undoesADraftTableWithHibernatesSequenceTableWhoseOnlyRowHibernateWrote() throws Exception {
        Path migrations = migrations("CREATE TABLE toys (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(255));\n"
                + "CREATE TABLE toys_SEQ (next_val BIGINT);\nINSERT INTO toys_SEQ VALUES (1);");
        String url = migrate(migrations);
        try (MigrationsBefore before = MigrationsBefore.copyWithout(migrations, Set.of("V2__add_weight.sql"));
             Connection live = DriverManager.getConnection(url)) {
            undo.apply(live, undo.plan(live, before.folder()), "flyway_schema_history", "2");
        }
        assertFalse(columns(url).isEmpty(), "pets is still there");
        assertEquals("0", single(url, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('toys', 'toys_SEQ')"));
    }

    @Test
    void refusesWhenTheUndoWouldDeleteDevData() throws Exception {
        Path migrations = migrations("ALTER TABLE pets ADD COLUMN weight INTEGER;");
        String url = migrate(migrations);
        execute(url, "INSERT INTO pets (name, weight) VALUES ('Rex', 12)");
        try (MigrationsBefore before = MigrationsBefore.copyWithout(migrations, Set.of("V2__add_weight.sql"));
             Connection live = DriverManager.getConnection(url)) {
            AutogenException e = assertThrows(AutogenException.class, () -> undo.plan(live, before.folder()));
            assertTrue(e.getMessage().contains("would delete dev data") && e.getMessage().contains("1 row(s)"), e.getMessage());
        }
        assertTrue(columns(url).contains("weight"));
    }

    @Test
    void undoesAWideningWhenEveryValueFitsTheOldLength() throws Exception {
        Path migrations = migrations(widenName());
        String url = migrate(migrations);
        execute(url, "INSERT INTO pets (name) VALUES ('Rex')");
        try (MigrationsBefore before = MigrationsBefore.copyWithout(migrations, Set.of("V2__add_weight.sql"));
             Connection live = DriverManager.getConnection(url)) {
            DraftUndo.Plan plan = undo.plan(live, before.folder());
            assertTrue(plan.summary().startsWith("alter column pets.name"), plan.summary());
            undo.apply(live, plan, "flyway_schema_history", "2");
        }
        assertEquals("Rex", single(url, "SELECT name FROM pets"));
    }

    @Test
    void refusesToUndoAWideningWhenAValueIsLongerThanTheOldLength() throws Exception {
        Path migrations = migrations(widenName());
        String url = migrate(migrations);
        execute(url, "INSERT INTO pets (name) VALUES ('Rex'), ('" + "x".repeat(80) + "')");
        try (MigrationsBefore before = MigrationsBefore.copyWithout(migrations, Set.of("V2__add_weight.sql"));
             Connection live = DriverManager.getConnection(url)) {
            AutogenException e = assertThrows(AutogenException.class, () -> undo.plan(live, before.folder()));
            assertTrue(e.getMessage().contains("would delete dev data") && e.getMessage().contains("1 row(s)"), e.getMessage());
        }
    }

    /** The draft: pets.name from varchar(50) to varchar(255), as SQLite does it (a rebuild). */
    private static String widenName() {
        return "CREATE TABLE pets_new (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, name VARCHAR(255));\n"
                + "INSERT INTO pets_new (id, name) SELECT id, name FROM pets;\nDROP TABLE pets;\n"
                + "ALTER TABLE pets_new RENAME TO pets;";
    }

    @Test
    void refusesADraftThatDroppedSomething() throws Exception {
        Path migrations = migrations("ALTER TABLE pets DROP COLUMN name;");
        String url = migrate(migrations);
        try (MigrationsBefore before = MigrationsBefore.copyWithout(migrations, Set.of("V2__add_weight.sql"));
             Connection live = DriverManager.getConnection(url)) {
            AutogenException e = assertThrows(AutogenException.class, () -> undo.plan(live, before.folder()));
            assertTrue(e.getMessage().contains("cannot bring the data back"), e.getMessage());
        }
        assertFalse(columns(url).contains("name"));
    }

    private static Path migrations(String draft) throws Exception {
        Path dir = Files.createTempDirectory("draft-undo-");
        Files.writeString(dir.resolve("V1__create_pets.sql"),
                "CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, name VARCHAR(50));");
        Files.writeString(dir.resolve("V2__add_weight.sql"), draft);
        return dir;
    }

    private static String migrate(Path migrations) throws Exception {
        String url = "jdbc:sqlite:" + Files.createTempFile("draft-undo-", ".db");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + migrations).load().migrate();
        return url;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String single(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> columns(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(pets)")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
