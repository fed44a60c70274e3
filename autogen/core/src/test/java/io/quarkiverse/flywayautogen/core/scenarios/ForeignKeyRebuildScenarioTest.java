package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Owner;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Pet;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Vaccination;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rebuilding a parent table under foreign_keys=ON must not fire ON DELETE actions on its children. */
class ForeignKeyRebuildScenarioTest {

    static final String BEFORE = """
            CREATE TABLE owner (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255));
            CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL,
                owner_id INTEGER NOT NULL REFERENCES owner (id) ON DELETE CASCADE);
            CREATE TABLE vaccination (id INTEGER PRIMARY KEY, vaccine VARCHAR(255),
                pet_id INTEGER REFERENCES pet (id) ON DELETE SET NULL);
            """;

    @Test
    void rebuildKeepsCascadeChildrenAndSetNullGrandchildren() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(BEFORE)) {
            h.rows("INSERT INTO owner (id, name) VALUES (1, 'Ann'), (2, NULL)",
                    "INSERT INTO pet (id, name, owner_id) VALUES (1, 'Rex', 1), (2, 'Tom', 2), (3, 'Kit', 2)",
                    "INSERT INTO vaccination (vaccine, pet_id) VALUES ('rabies', 1), ('flu', 2), ('flu', 3)");
            Map<String, Long> before = h.rowCounts();

            AutogenResult result = h.generate(Owner.class, Pet.class, Vaccination.class);
            assertEquals(1, result.operations().size(), result.operations().toString());
            assertTrue(result.operations().get(0) instanceof AlterColumn);
            String script = h.scriptText(result);
            assertFalse(script.contains("PRAGMA foreign_keys"), "must stay inside Flyway's transaction");
            assertTrue(script.contains("DROP TABLE \"vaccination\""), "children are rebuilt with the parent");
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
}
