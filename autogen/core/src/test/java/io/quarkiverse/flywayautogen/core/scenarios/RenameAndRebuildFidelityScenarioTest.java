package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a rename or a rebuild must leave exactly as a fresh CREATE would, and what it must not touch. */
class RenameAndRebuildFidelityScenarioTest {

    @Test
    void renamedTableTakesTheConventionNamesAFreshCreateWouldGive() throws Exception {
        String before = """
                CREATE TABLE owner (id BIGINT NOT NULL, name VARCHAR(255) NOT NULL, city VARCHAR(255),
                    CONSTRAINT pk_owner PRIMARY KEY (id), CONSTRAINT uq_owner_name UNIQUE (name));
                CREATE INDEX ix_owner_city ON owner (city);
                """;
        try (ScenarioHarness h = new ScenarioHarness(before)) {
            h.rows("INSERT INTO owner (id, name, city) VALUES (1, 'Ann', 'Oslo'), (2, 'Bob', NULL)");
            Class<?> owner = io.quarkiverse.flywayautogen.core.scenarios.renametable.names.Owner.class;
            AutogenResult result = h.generate(owner);
            h.applyToApp();
            h.assertAppMatches(owner);
            String ddl = (String) h.value("SELECT sql FROM sqlite_master WHERE name = 'person'");
            assertTrue(ddl.contains("CONSTRAINT \"pk_person\" PRIMARY KEY"), ddl);
            assertTrue(ddl.contains("CONSTRAINT \"uq_person_name\" UNIQUE"), ddl);
            assertEquals(1, h.count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_person_city'"));
            assertEquals(0, h.count("SELECT count(*) FROM sqlite_master WHERE name LIKE '%owner%'"), "no old name left");
            assertEquals(2, h.count("SELECT count(*) FROM person"));
            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
        }
    }

    @Test
    void rebuildKeepsColumnOrderAndTheAutoincrementCounter() throws Exception {
        String before = SingleTableScenariosTest.BEFORE.replace("id ${id}", "id INTEGER PRIMARY KEY AUTOINCREMENT");
        try (ScenarioHarness h = new ScenarioHarness(before)) {
            h.rows(SingleTableScenariosTest.ROWS);
            h.rows("DELETE FROM pet WHERE name = 'Kit'"); // id 3 is gone, but AUTOINCREMENT never hands it out again
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.altercolumn.after.Pet.class;
            h.generate(pet);
            h.applyToApp();
            h.assertAppMatches(pet);
            assertEquals("id,name,species,weight",
                    h.value("SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('pet') ORDER BY cid)"));
            h.rows("INSERT INTO pet (name, species, weight) VALUES ('Max', 'DOG', 20)");
            assertEquals(4L, ((Number) h.value("SELECT id FROM pet WHERE name = 'Max'")).longValue());
        }
    }
}
