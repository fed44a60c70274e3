package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safe rollout form on the real PostgreSQL (issue 24 req 3): the engine self-checks the pair of scripts (both
 * replayed in a shadow database with rows, re-diffed to empty), writes them with the second one's
 * {@code .sql.conf}, and Flyway applies both to an application database holding rows.
 */
class SafeRolloutScenarioTest {

    static AutogenOptions safe() {
        return AutogenOptions.defaults().withMessage("scenario").withRollout(RolloutSettings.safeDefaults());
    }

    static Script second(AutogenResult result) {
        assertEquals(1, result.script().orElseThrow().following().size(), "one script runs outside a transaction");
        return result.script().orElseThrow().following().get(0);
    }

    @Test
    void indexIsBuiltConcurrentlyInItsOwnNonTransactionalScriptThatFlywayApplies() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL, SingleTableScenariosTest.BEFORE,
                "CREATE INDEX ix_pet_weight ON pet (weight);")) {
            h.rows(SingleTableScenariosTest.ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class;
            AutogenResult result = h.generate(safe(), pet);
            String first = h.scriptText(result);
            Script second = second(result);
            assertTrue(first.startsWith("-- V3__scenario.sql"), first);
            assertTrue(first.contains("SET LOCAL lock_timeout = '5s';\nSET LOCAL statement_timeout = '15min';"), first);
            assertTrue(first.contains("DROP INDEX \"ix_pet_weight\";"), first);
            assertFalse(first.contains("CREATE INDEX"), first);
            assertEquals("V4__scenario_concurrently.sql", second.fileName());
            assertTrue(second.content().contains("\nSET lock_timeout = '5s';\nSET statement_timeout = '15min';\n"
                    + "DROP INDEX CONCURRENTLY IF EXISTS \"ix_pet_name\";\nCREATE INDEX CONCURRENTLY \"ix_pet_name\" ON \"pet\" (\"name\");\nRESET lock_timeout;\n"), second.content());
            Path conf = h.migrations.resolve("V4__scenario_concurrently.sql.conf");
            assertTrue(Files.readString(conf).contains("executeInTransaction=false"), "written beside the script");
            assertFalse(Files.exists(h.migrations.resolve("V3__scenario.sql.conf")), "the first script runs in Flyway's transaction");
            h.applyToApp();
            h.assertAppMatches(pet);
            assertTrue(h.generate(safe(), pet).operations().isEmpty(), "no difference once both are applied");
            assertEquals(3, h.count("SELECT count(*) FROM pet"));
        }
    }

    @Test
    void uniqueConstraintIsAdoptedFromAUniqueIndexBuiltConcurrently() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL, SingleTableScenariosTest.BEFORE)) {
            h.rows(SingleTableScenariosTest.ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.unique.after.Pet.class;
            AutogenResult result = h.generate(safe(), pet);
            // nothing is left for a transaction: the one script runs outside it
            assertTrue(result.script().orElseThrow().following().isEmpty());
            assertEquals("V2__scenario_concurrently.sql", result.script().orElseThrow().fileName());
            assertTrue(Files.readString(h.migrations.resolve("V2__scenario_concurrently.sql.conf")).contains("executeInTransaction=false"));
            String second = h.scriptText(result);
            assertFalse(second.contains("locking-index-build"), second);
            assertTrue(second.contains("CREATE UNIQUE INDEX CONCURRENTLY \"uq_pet_name_species\" ON \"pet\" (\"name\", \"species\");\n"
                    + "ALTER TABLE \"pet\" ADD CONSTRAINT \"uq_pet_name_species\" UNIQUE USING INDEX \"uq_pet_name_species\";"), second);
            h.applyToApp();
            h.assertAppMatches(pet);
            assertTrue(h.generate(safe(), pet).operations().isEmpty());
        }
    }

    @Test
    void foreignKeyIsAddedNotValidAndValidatedOutsideTheAddingTransaction() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL,
                MultiTableScenariosTest.OWNER + MultiTableScenariosTest.PET_NO_FK)) {
            h.rows(MultiTableScenariosTest.ROWS);
            Class<?>[] after = {io.quarkiverse.flywayautogen.core.scenarios.fk.add.Owner.class,
                    io.quarkiverse.flywayautogen.core.scenarios.fk.add.Pet.class};
            AutogenResult result = h.generate(safe(), after);
            String first = h.scriptText(result);
            assertTrue(first.contains("REFERENCES \"owner\" (\"id\") NOT VALID;"), first);
            assertTrue(second(result).content().contains("ALTER TABLE \"pet\" VALIDATE CONSTRAINT \"fk_pet_owner_id_owner\";"),
                    second(result).content());
            h.applyToApp();
            h.assertAppMatches(after);
            assertEquals(Boolean.TRUE, h.value("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_pet_owner_id_owner'"));
        }
    }

    @Test
    void checkIsAddedNotValidAndValidatedAfterwards() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL, SingleTableScenariosTest.BEFORE)) {
            h.rows(SingleTableScenariosTest.ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.check.after.Pet.class;
            AutogenResult result = h.generate(safe(), pet);
            assertTrue(h.scriptText(result).contains("CHECK (weight>=0) NOT VALID;"), h.scriptText(result));
            assertTrue(second(result).content().contains("VALIDATE CONSTRAINT \"ck_pet_weight_positive\";"));
            h.applyToApp();
            h.assertAppMatches(pet);
            assertEquals(Boolean.TRUE, h.value("SELECT convalidated FROM pg_constraint WHERE conname = 'ck_pet_weight_positive'"));
        }
    }

    @Test
    void notNullGoesThroughAValidatedCheckThatIsDroppedAfterwards() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL, SingleTableScenariosTest.BEFORE)) {
            h.rows(SingleTableScenariosTest.ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.altercolumn.after.Pet.class;
            AutogenResult result = h.generate(safe(), pet);
            String first = h.scriptText(result);
            assertTrue(first.contains("UPDATE \"pet\" SET \"weight\" = 0 WHERE \"weight\" IS NULL;"), first);
            assertTrue(first.contains("ADD CONSTRAINT \"ck_pet_weight_not_null\" CHECK (\"weight\" IS NOT NULL) NOT VALID;"), first);
            assertFalse(first.contains("\"weight\" SET NOT NULL"), first);
            assertFalse(first.contains("locking-not-null-scan"), "the safe form avoids the scan: " + first);
            assertTrue(first.contains("locking-type-rewrite"), "a type change still rewrites the table: " + first);
            String second = second(result).content();
            assertTrue(second.contains("ALTER TABLE \"pet\" VALIDATE CONSTRAINT \"ck_pet_weight_not_null\";\n"
                    + "ALTER TABLE \"pet\" ALTER COLUMN \"weight\" SET NOT NULL;\n"
                    + "ALTER TABLE \"pet\" DROP CONSTRAINT IF EXISTS \"ck_pet_weight_not_null\";"), second);
            h.applyToApp();
            h.assertAppMatches(pet);
            assertEquals(0L, h.count("SELECT count(*) FROM pg_constraint WHERE conname = 'ck_pet_weight_not_null'"));
        }
    }

    @Test
    void defaultRolloutWritesOneScriptAsBefore() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL, SingleTableScenariosTest.BEFORE)) {
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class;
            AutogenResult result = h.generate(AutogenOptions.defaults().withMessage("scenario"), pet);
            assertTrue(result.script().orElseThrow().following().isEmpty());
            assertFalse(h.scriptText(result).contains("lock_timeout"));
            assertEquals(1, result.written().size());
        }
    }
}
