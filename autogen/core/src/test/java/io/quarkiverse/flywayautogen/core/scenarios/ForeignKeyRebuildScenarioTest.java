package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Owner;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Pet;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Vaccination;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.widen.Invoice;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A SQLite rebuild touches only the table whose definition changes: foreign keys off for its duration, so dropping
 * the old parent fires no ON DELETE action, and the children keep their rows, their REFERENCES text and their indexes.
 */
class ForeignKeyRebuildScenarioTest {

    static final String BEFORE = """
            CREATE TABLE owner (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255));
            CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL,
                owner_id INTEGER NOT NULL REFERENCES owner (id) ON DELETE CASCADE);
            CREATE TABLE vaccination (id INTEGER PRIMARY KEY, vaccine VARCHAR(255),
                pet_id INTEGER REFERENCES pet (id) ON DELETE SET NULL);
            """;

    static final String WIDEN_BEFORE = """
            CREATE TABLE owner (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, city VARCHAR(255),
                CONSTRAINT pk_owner PRIMARY KEY (id));
            CREATE INDEX ix_owner_city ON owner (city);
            CREATE TABLE pet (id INTEGER NOT NULL, name VARCHAR(255) NOT NULL, owner_id INTEGER NOT NULL,
                CONSTRAINT pk_pet PRIMARY KEY (id),
                CONSTRAINT fk_pet_owner_id_owner FOREIGN KEY (owner_id) REFERENCES owner (id) ON DELETE CASCADE);
            CREATE INDEX ix_pet_owner_id ON pet (owner_id);
            CREATE TABLE invoice (id INTEGER NOT NULL, amount INTEGER, owner_id INTEGER,
                CONSTRAINT pk_invoice PRIMARY KEY (id),
                CONSTRAINT fk_invoice_owner_id_owner FOREIGN KEY (owner_id) REFERENCES owner (id));
            """;

    static final String[] WIDEN_ROWS = {
        "INSERT INTO owner (id, name, city) VALUES (1, 'Ann', 'Oslo'), (2, 'Bob', NULL), (3, 'Cy', 'Rome')",
        "INSERT INTO pet (id, name, owner_id) VALUES (1, 'Rex', 1), (2, 'Tom', 2), (3, 'Kit', 2)",
        "INSERT INTO invoice (id, amount, owner_id) VALUES (1, 10, 1), (2, 20, 3), (3, 30, NULL)"};

    static final Class<?>[] WIDENED = {
        io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.widen.Owner.class,
        io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.widen.Pet.class, Invoice.class};

    @Test
    void wideningAParentRebuildsOnlyTheParentAndKeepsBothChildrenIntact() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(WIDEN_BEFORE)) {
            h.rows(WIDEN_ROWS);
            Map<String, Long> rowsBefore = h.rowCounts();
            String childrenBefore = childDefinitions(h);

            AutogenResult result = h.generate(WIDENED); // its self-check applies the script and validates with Hibernate
            assertEquals(1, result.operations().size(), result.operations().toString());
            assertTrue(result.operations().get(0) instanceof AlterColumn);
            String script = h.scriptText(result);
            assertTrue(script.contains("CREATE TABLE \"owner__autogen_new\""), script);
            assertFalse(script.contains("pet__autogen_new") || script.contains("invoice__autogen_new"), "children are not rebuilt: " + script);
            assertFalse(script.contains("DROP TABLE \"pet\"") || script.contains("DROP TABLE \"invoice\""), script);
            assertTrue(script.indexOf("PRAGMA foreign_keys = OFF") < script.indexOf("SAVEPOINT autogen_migration;")
                    && script.indexOf("RELEASE autogen_migration;") < script.indexOf("PRAGMA foreign_keys = ON"), script);
            assertTrue(script.contains("pragma_foreign_key_check('pet')") && script.contains("pragma_foreign_key_check('invoice')"),
                    "the children's foreign keys are checked before the commit");
            assertTrue(Files.exists(h.migrations.resolve(result.script().orElseThrow().fileName() + ".conf")),
                    "Flyway is told to run the script outside its transaction");

            h.applyToApp();
            h.assertAppMatches(WIDENED);
            assertEquals(rowsBefore, h.rowCounts(), "no row lost in any table");
            assertEquals(childrenBefore, childDefinitions(h), "children's definitions (FK names and actions) untouched");
            assertEquals("VARCHAR(100)", h.value("SELECT type FROM pragma_table_info('owner') WHERE name = 'name'"));
            assertEquals(1, h.count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_owner_city'"));
            assertEquals(1, h.count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_pet_owner_id'"));
            assertEquals(0, h.count("SELECT count(*) FROM sqlite_master WHERE name LIKE '%autogen%'"), "no temporary table left");
            h.assertForeignKeysValid();
            // The foreign keys still act on the rebuilt parent: CASCADE deletes, NO ACTION refuses.
            h.rows("DELETE FROM owner WHERE id = 2");
            assertEquals(1, h.count("SELECT count(*) FROM pet"));
            assertThrows(java.sql.SQLException.class, () -> h.rows("DELETE FROM owner WHERE id = 3"));

            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
            h.assertForeignKeysValid();
        }
    }

    @Test
    void rebuildWhoseRowsBreakAForeignKeyIsRefusedAndLeavesNothingHalfApplied() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(WIDEN_BEFORE)) {
            h.rows(WIDEN_ROWS);
            // An invoice pointing at no owner, written while foreign keys were off: the check before the commit finds it.
            h.rows("PRAGMA foreign_keys = OFF", "INSERT INTO invoice (id, amount, owner_id) VALUES (4, 40, 99)");
            Map<String, Long> rowsBefore = h.rowCounts();
            AutogenResult result = h.generate(WIDENED);

            RuntimeException failure = assertThrows(RuntimeException.class, h::applyToApp);
            assertTrue(rootMessage(failure).contains("foreign keys hold"), rootMessage(failure));
            assertEquals("VARCHAR(50)", h.value("SELECT type FROM pragma_table_info('owner') WHERE name = 'name'"), "rolled back");
            assertEquals(rowsBefore, h.rowCounts());
            assertEquals(0, h.count("SELECT count(*) FROM sqlite_master WHERE name LIKE '%autogen%'"), "no temporary table left");
            assertEquals(0, h.count("SELECT count(*) FROM flyway_schema_history WHERE version = '2' AND success = 1"));
            // Flyway records the failure of a script run outside its transaction; fixed data, repair, retry
            h.rows("DELETE FROM invoice WHERE id = 4");
            h.repairApp();
            h.applyToApp();
            h.assertAppMatches(WIDENED);
            assertEquals(rowsBefore.get("pet"), h.count("SELECT count(*) FROM pet"));
            assertTrue(result.script().isPresent());
        }
    }

    @Test
    void rebuildKeepsCascadeChildrenAndSetNullGrandchildrenWithoutRebuildingThem() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(BEFORE)) {
            h.rows("INSERT INTO owner (id, name) VALUES (1, 'Ann'), (2, NULL)",
                    "INSERT INTO pet (id, name, owner_id) VALUES (1, 'Rex', 1), (2, 'Tom', 2), (3, 'Kit', 2)",
                    "INSERT INTO vaccination (vaccine, pet_id) VALUES ('rabies', 1), ('flu', 2), ('flu', 3)");
            Map<String, Long> before = h.rowCounts();

            AutogenResult result = h.generate(Owner.class, Pet.class, Vaccination.class);
            assertEquals(1, result.operations().size(), result.operations().toString());
            assertTrue(result.operations().get(0) instanceof AlterColumn);
            String script = h.scriptText(result);
            assertFalse(script.contains("DROP TABLE \"pet\"") || script.contains("DROP TABLE \"vaccination\""), script);
            assertTrue(script.contains("\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"), "AUTOINCREMENT kept by the rebuild");

            h.applyToApp();
            h.assertAppMatches(Owner.class, Pet.class, Vaccination.class);
            assertEquals(before, h.rowCounts(), "no child row lost");
            assertEquals(0, h.count("SELECT count(*) FROM vaccination WHERE pet_id IS NULL"), "SET NULL did not fire");
            assertEquals("anonymous", h.value("SELECT name FROM owner WHERE id = 2"));
            h.assertForeignKeysValid();
            // The foreign keys still work after the rebuild: cascades fire on a real delete.
            h.rows("DELETE FROM owner WHERE id = 2");
            assertEquals(1, h.count("SELECT count(*) FROM pet"));
            assertEquals(2, h.count("SELECT count(*) FROM vaccination WHERE pet_id IS NULL"));

            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
            h.assertForeignKeysValid();
        }
    }

    private static String childDefinitions(ScenarioHarness h) throws Exception {
        return (String) h.value("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master"
                + " WHERE tbl_name IN ('pet', 'invoice') ORDER BY name)");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
