package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safe form's non-transactional script on the real PostgreSQL can be re-run after it failed (issue 24 req 3):
 * a unique index build that fails on duplicate rows leaves an INVALID index, and the retry, once the rows are fixed
 * and Flyway repaired, must not stop at "already exists".
 */
class RetrySafeConcurrentScriptTest {

    @Test
    void failedUniqueIndexBuildLeavesAnInvalidIndexAndTheRepairedRerunSucceeds() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL, SingleTableScenariosTest.BEFORE)) {
            h.rows(SingleTableScenariosTest.ROWS);
            h.rows("INSERT INTO pet (name, species, weight) VALUES ('Rex', 'DOG', 31)"); // a duplicate (name, species)
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.unique.after.Pet.class;
            AutogenResult result = h.generate(AutogenOptions.defaults().withMessage("scenario")
                    .withRollout(RolloutSettings.safeDefaults()), pet);
            String script = h.scriptText(result);
            assertTrue(script.contains("ALTER TABLE \"pet\" DROP CONSTRAINT IF EXISTS \"uq_pet_name_species\";\n"
                    + "DROP INDEX CONCURRENTLY IF EXISTS \"uq_pet_name_species\";\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY \"uq_pet_name_species\""), script);

            RuntimeException failed = assertThrows(RuntimeException.class, h::applyToApp, "the duplicate fails the build");
            assertTrue(String.valueOf(failed.getMessage()).contains("uq_pet_name_species")
                    || String.valueOf(failed.getCause()).contains("uq_pet_name_species"), String.valueOf(failed));
            assertEquals(Boolean.FALSE, h.value("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = 'uq_pet_name_species'"), "the failed build left its INVALID index behind");

            h.rows("DELETE FROM pet WHERE weight = 31");
            h.repairApp();
            h.applyToApp();
            h.assertAppMatches(pet);
            assertEquals(1L, h.count("SELECT count(*) FROM pg_constraint WHERE conname = 'uq_pet_name_species'"));

            // a run after a failure further down finds everything built: the script runs whole again
            try (Connection c = h.app.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                for (String sql : Arrays.stream(script.split(";\n")).map(s -> s.lines()
                        .filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip())
                        .filter(s -> !s.isEmpty()).toList()) {
                    st.execute(sql);
                }
            }
            h.assertAppMatches(pet);
            assertEquals(Boolean.TRUE, h.value("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = 'uq_pet_name_species'"));
        }
    }
}
