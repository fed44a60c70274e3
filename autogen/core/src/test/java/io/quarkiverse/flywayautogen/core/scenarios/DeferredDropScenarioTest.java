package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.rollout.DeferredDrops;
import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import io.quarkiverse.flywayautogen.core.rollout.lint.MigrationLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Safe rollout's deferred drops and the contract step (issue 24 req 3), on real SQLite files and the real
 * PostgreSQL server: the expand migration keeps what the previous release maps and lists it in
 * {@code flyway-autogen-deferred.txt}; the comparisons expect it; the contract migration drops it and empties the file.
 */
class DeferredDropScenarioTest {

    static final Class<?> WITHOUT_NAME = io.quarkiverse.flywayautogen.core.scenarios.deferred.noname.Pet.class;
    static final Class<?> WITHOUT_WEIGHT = io.quarkiverse.flywayautogen.core.scenarios.dropcolumn.after.Pet.class;

    static AutogenOptions safe() {
        return AutogenOptions.defaults().withRollout(RolloutSettings.safeDefaults());
    }

    static String deferredFile(ScenarioHarness h) throws Exception {
        return Files.readString(h.migrations.resolve(DeferredDrops.FILE_NAME));
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void droppedNotNullColumnIsKeptNullableThenDroppedByTheContract(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, SingleTableScenariosTest.BEFORE)) {
            h.rows(SingleTableScenariosTest.ROWS);
            h.applyToApp();

            // a preview (dev mode compares so, and writes itself) records nothing, and its warning does not say it does
            AutogenResult preview = h.generate(safe().withWrite(false), WITHOUT_NAME);
            assertTrue(preview.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.DROP_DEFERRED
                    && w.text().equals("deferred to the contract step: drop column pet.name")), preview.warnings().toString());
            assertFalse(Files.exists(h.migrations.resolve(DeferredDrops.FILE_NAME)), "a preview wrote the deferred-drops file");

            AutogenResult expand = h.generate(safe().withMessage("expand"), WITHOUT_NAME);
            assertEquals(1, expand.operations().size(), () -> "operations " + expand.operations());
            AlterColumn relax = (AlterColumn) expand.operations().get(0);
            assertEquals("name", relax.to().name());
            assertTrue(relax.to().nullable(), "the new release no longer writes name: it must not be NOT NULL");
            assertTrue(expand.skipped().isEmpty(), "a deferred drop is not a skipped one");
            assertTrue(expand.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.DROP_DEFERRED), expand.warnings().toString());
            String expandScript = h.scriptText(expand);
            assertFalse(expandScript.contains("DROP COLUMN"), expandScript);
            assertTrue(expandScript.contains("deferred to the contract step: drop column pet.name"), expandScript);
            assertTrue(deferredFile(h).contains("\ncolumn pet.name | V2 | "), deferredFile(h));
            h.applyToApp();
            // the new release inserts without the column, the previous one still reads it
            h.rows("INSERT INTO pet (species, weight) VALUES ('DOG', 12)");
            assertEquals(4, h.count("SELECT count(*) FROM pet WHERE name IS NOT NULL OR species = 'DOG'"));

            // expected from now on: neither generated again nor reported by the check
            AutogenResult again = h.generate(safe(), WITHOUT_NAME);
            assertTrue(again.operations().isEmpty() && again.written().isEmpty(), () -> "operations " + again.operations());
            AutogenResult defaultMode = h.generate(AutogenOptions.defaults().withAllowDestructive(true), WITHOUT_NAME);
            assertTrue(defaultMode.operations().isEmpty(), "the default mode expects the deferred drop too");
            assertTrue(new Autogenerate(h.dialect()).check(h.entities(WITHOUT_NAME), h.migrations, AutogenOptions.defaults())
                    .operations().isEmpty());

            AutogenResult contract = new Autogenerate(h.dialect()).contract(h.entities(WITHOUT_NAME), h.migrations, AutogenOptions.defaults());
            assertEquals(List.of(DropColumn.class), contract.operations().stream().map(Object::getClass).toList());
            String contractScript = h.scriptText(contract);
            assertTrue(contract.script().orElseThrow().fileName().startsWith("V3__contract_drop_column_pet_name"),
                    contract.script().orElseThrow().fileName());
            assertTrue(contractScript.contains("1. drop column pet.name"), contractScript);
            assertTrue(contractScript.contains("flyway-autogen:allow drop-mapped-column \"contract step: drops what V2 deferred"),
                    contractScript);
            assertFalse(deferredFile(h).contains("column pet.name"), "the contract empties the file: " + deferredFile(h));
            var lint = MigrationLint.lint(h.migrations, h.dialect(), java.util.Optional.empty());
            assertTrue(lint.passed(), () -> "the contract acknowledges its drop: " + lint.failureMessage());
            h.applyToApp();
            h.assertAppMatches(WITHOUT_NAME);
            assertEquals(4, h.count("SELECT count(*) FROM pet"));
            assertTrue(h.generate(safe(), WITHOUT_NAME).operations().isEmpty());
        }
    }

    @Test
    void dropNeedingNoMigrationIsOnlyRecordedAndAStaleFileFailsTheCheck() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.SQLITE, SingleTableScenariosTest.BEFORE)) {
            AutogenResult expand = h.generate(safe(), WITHOUT_WEIGHT);
            assertTrue(expand.operations().isEmpty() && expand.written().isEmpty(), () -> "operations " + expand.operations());
            assertTrue(deferredFile(h).contains("\ncolumn pet.weight | after V1 | "), deferredFile(h));
            Autogenerate engine = new Autogenerate(h.dialect());
            assertTrue(engine.check(h.entities(WITHOUT_WEIGHT), h.migrations, AutogenOptions.defaults()).operations().isEmpty());

            // someone drops it by hand: the file now lists what is gone
            Files.writeString(h.migrations.resolve("V2__drop_weight.sql"), "ALTER TABLE pet DROP COLUMN weight;\n");
            AutogenException stale = assertThrows(AutogenException.class,
                    () -> engine.check(h.entities(WITHOUT_WEIGHT), h.migrations, AutogenOptions.defaults()));
            assertTrue(stale.getMessage().contains("is stale") && stale.getMessage().contains("column pet.weight"), stale.getMessage());
        }
    }

    @Test
    void contractOfAColumnTheEntitiesMapAgainOnlyEmptiesTheFile() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.SQLITE, SingleTableScenariosTest.BEFORE)) {
            h.generate(safe(), WITHOUT_WEIGHT);
            Path dir = h.migrations;
            assertTrue(deferredFile(h).contains("column pet.weight"));
            // the original entity maps weight again (and name): nothing to drop
            AutogenResult contract = new Autogenerate(h.dialect()).contract(
                    h.entities(io.quarkiverse.flywayautogen.core.scenarios.nochange.after.Pet.class), dir, AutogenOptions.defaults());
            assertTrue(contract.operations().isEmpty() && contract.written().isEmpty(), () -> "operations " + contract.operations());
            assertFalse(deferredFile(h).contains("column pet.weight"), deferredFile(h));
        }
    }

    @Test
    void renameIsRefusedInSafeModeWithTheExpandContractAlternative() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.SQLITE, SingleTableScenariosTest.BEFORE)) {
            Class<?> renamed = io.quarkiverse.flywayautogen.core.scenarios.renamecolumn.hinted.Pet.class;
            AutogenException refused = assertThrows(AutogenException.class, () -> h.generate(safe(), renamed));
            assertTrue(refused.getMessage().contains("does not rename") && refused.getMessage().contains("contract step"),
                    refused.getMessage());
            assertFalse(Files.exists(h.migrations.resolve("V2__rename_column_pet_name_to_nickname.sql")));
            assertEquals(1, h.generate(AutogenOptions.defaults(), renamed).operations().size(), "the default mode renames");
        }
    }
}
