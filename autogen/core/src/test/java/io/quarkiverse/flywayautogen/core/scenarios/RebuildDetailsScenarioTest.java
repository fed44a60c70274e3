package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterPrimaryKey;
import io.quarkiverse.flywayautogen.core.ops.DropUnique;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rebuild details: primary key changes, dropped uniques, and views/triggers that must survive a rebuild. */
class RebuildDetailsScenarioTest {

    static List<Class<?>> types(List<Operation> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void addsCompositePrimaryKeyByRebuild() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness("CREATE TABLE pet_tag (pet_id BIGINT NOT NULL, tag_id BIGINT NOT NULL);")) {
            h.rows("INSERT INTO pet_tag VALUES (1, 1), (1, 2), (2, 1)");
            Class<?> entity = io.quarkiverse.flywayautogen.core.scenarios.primarykey.after.PetTag.class;
            AutogenResult result = h.generate(entity);
            assertEquals(List.of(AlterPrimaryKey.class), types(result.operations()));
            h.applyToApp();
            h.assertAppMatches(entity);
            assertEquals(3, h.count("SELECT count(*) FROM pet_tag"));
            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
        }
    }

    @Test
    void dropsUniqueConstraintByRebuild() throws Exception {
        String before = SingleTableScenariosTest.BEFORE.replace("weight INTEGER", "weight INTEGER, CONSTRAINT uq_pet_name UNIQUE (name)");
        try (ScenarioHarness h = new ScenarioHarness(before)) {
            h.rows(SingleTableScenariosTest.ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.nochange.after.Pet.class;
            AutogenResult result = h.generate(pet);
            assertEquals(List.of(DropUnique.class), types(result.operations()));
            h.applyToApp();
            h.assertAppMatches(pet);
            h.rows("INSERT INTO pet (name, species) VALUES ('Rex', 'DOG')"); // duplicates allowed now
            assertEquals(4, h.count("SELECT count(*) FROM pet"));
            h.rows("DELETE FROM pet WHERE id = 4"); // the undo re-adds the constraint, which the duplicate would violate
            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
        }
    }

    @Test
    void rebuildRecreatesTriggersAndViews() throws Exception {
        String before = SingleTableScenariosTest.BEFORE + """
                CREATE TABLE audit (id INTEGER PRIMARY KEY, pet_name TEXT);
                CREATE VIEW dog_names AS SELECT name FROM pet WHERE species = 'DOG';
                CREATE TRIGGER pet_audit AFTER INSERT ON pet BEGIN INSERT INTO audit (pet_name) VALUES (new.name); END;
                """;
        try (ScenarioHarness h = new ScenarioHarness(before)) {
            h.rows(SingleTableScenariosTest.ROWS);
            Class<?>[] after = {io.quarkiverse.flywayautogen.core.scenarios.altercolumn.after.Pet.class, AuditEntity.class};
            AutogenResult result = h.generate(after);
            assertEquals(List.of(AlterColumn.class), types(result.operations()));
            h.applyToApp();
            h.assertAppMatches(after);
            assertEquals(1, h.count("SELECT count(*) FROM dog_names"), "view recreated");
            h.rows("INSERT INTO pet (name, species, weight) VALUES ('Max', 'DOG', 20)");
            assertEquals(1, h.count("SELECT count(*) FROM audit WHERE pet_name = 'Max'"), "trigger recreated");
            assertEquals(2, h.count("SELECT count(*) FROM dog_names"));
        }
    }

    @jakarta.persistence.Entity(name = "Audit")
    @jakarta.persistence.Table(name = "audit")
    public static class AuditEntity {
        @jakarta.persistence.Id
        @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
        @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
        public Long id;
        @jakarta.persistence.Column(columnDefinition = "text")
        public String petName;
    }
}
