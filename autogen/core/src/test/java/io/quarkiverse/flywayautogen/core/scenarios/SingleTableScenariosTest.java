package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.DropCheck;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropIndex;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenarios on one table: before-state by migration, after-state by the entity in the scenario's package. */
class SingleTableScenariosTest {

    static final String BEFORE = """
            CREATE TABLE pet (
                id ${id},
                name VARCHAR(255) NOT NULL,
                species VARCHAR(255) NOT NULL CHECK (species IN ('CAT', 'DOG')),
                weight INTEGER
            );
            """;
    static final String[] ROWS = {"INSERT INTO pet (name, species, weight) VALUES ('Rex', 'DOG', 30), ('Tom', 'CAT', NULL), ('Kit', 'CAT', 4)"};

    static AutogenOptions options() {
        return AutogenOptions.defaults().withUndo(true).withMessage("scenario");
    }

    static List<Class<?>> types(List<Operation> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    /** Applies the result, checks schema and rows, applies the undo, checks the before-schema is back. */
    static void applyAndUndo(ScenarioHarness h, AutogenResult result, Class<?>... entities) throws Exception {
        h.applyToApp();
        h.assertAppMatches(entities);
        assertEquals(3, h.count("SELECT count(*) FROM pet"), "rows survived");
        h.applyUndoToApp(result);
        h.assertAppMatchesBeforeSchema();
        assertEquals(3, h.count("SELECT count(*) FROM pet"), "rows survived the undo");
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void noChangeGeneratesNoFileAndNoPhantomDiff(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            AutogenResult result = h.generate(io.quarkiverse.flywayautogen.core.scenarios.nochange.after.Pet.class);
            assertTrue(result.operations().isEmpty(), () -> result.operations().toString());
            assertTrue(result.script().isEmpty());
            try (var files = Files.list(h.migrations)) {
                assertEquals(1, files.count());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void dropColumnIsSkippedUnlessDestructiveIsAllowed(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.dropcolumn.after.Pet.class;
            AutogenResult skipped = h.generate(options(), pet);
            assertTrue(skipped.operations().isEmpty());
            assertEquals(List.of(DropColumn.class), types(skipped.skipped()));
            assertTrue(skipped.warnings().stream().anyMatch(w -> w.kind() == io.quarkiverse.flywayautogen.core.Warning.Kind.DESTRUCTIVE_SKIPPED && w.advice(new io.quarkiverse.flywayautogen.core.Warning.Remedies("%s", "--allow-destructive")).contains("--allow-destructive")));

            AutogenResult result = h.generate(options().withAllowDestructive(true), pet);
            assertEquals(List.of(DropColumn.class), types(result.operations()));
            assertTrue(h.scriptText(result).contains("[DESTRUCTIVE]"));
            assertTrue(h.scriptText(result).contains("ALTER TABLE \"pet\" DROP COLUMN \"weight\""), "native drop column");
            applyAndUndo(h, result, pet);
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void renameColumnWithAnnotationHintRenamesAndKeepsValues(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.renamecolumn.hinted.Pet.class;
            AutogenResult result = h.generate(pet);
            assertEquals(List.of(RenameColumn.class), types(result.operations()));
            h.applyToApp();
            h.assertAppMatches(pet);
            assertEquals(30L, ((Number) h.value("SELECT weight_kg FROM pet WHERE name = 'Rex'")).longValue());
            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void renameColumnWithoutHintIsReportedAsPossibleRenameNotApplied(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            AutogenResult result = h.generate(io.quarkiverse.flywayautogen.core.scenarios.renamecolumn.unhinted.Pet.class);
            assertEquals(List.of(AddColumn.class), types(result.operations()));
            assertEquals(List.of(DropColumn.class), types(result.skipped()));
            assertTrue(result.warnings().stream().anyMatch(w -> w.kind() == io.quarkiverse.flywayautogen.core.Warning.Kind.POSSIBLE_RENAME && w.text().startsWith("POSSIBLE RENAME: column pet.weight")), result.warnings()::toString);
            assertTrue(h.scriptText(result).contains("-- WARNING: POSSIBLE RENAME"));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void renameColumnWithRenameOptionRenames(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.renamecolumn.unhinted.Pet.class;
            AutogenResult result = h.generate(options().withRenames(RenameHints.parse("pet.weight=weight_kg")), pet);
            assertEquals(List.of(RenameColumn.class), types(result.operations()));
            // a rename is an expand/contract step: the self-check's run of the previous release says so, and nothing else
            assertTrue(result.warnings().stream().allMatch(w -> w.kind() == io.quarkiverse.flywayautogen.core.Warning.Kind.PREVIOUS_RELEASE_FAILS
                    && w.text().contains("pet.weight")), result.warnings()::toString);
            applyAndUndo(h, result, pet);
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void alterTypeAndTightenToNotNullFillsNullsWithDeclaredDefault(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.altercolumn.after.Pet.class;
            AutogenResult result = h.generate(pet);
            assertEquals(List.of(AlterColumn.class), types(result.operations()));
            assertTrue(h.scriptText(result).contains(on.either("COALESCE(\"weight\", 0)",
                    "UPDATE \"pet\" SET \"weight\" = 0 WHERE \"weight\" IS NULL")), h.scriptText(result));
            h.applyToApp();
            h.assertAppMatches(pet);
            assertEquals(0.0, ((Number) h.value("SELECT weight FROM pet WHERE name = 'Tom'")).doubleValue());
            assertEquals(30.0, ((Number) h.value("SELECT weight FROM pet WHERE name = 'Rex'")).doubleValue());
            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
            assertEquals(3, h.count("SELECT count(*) FROM pet"));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void tighteningToNotNullWithoutDefaultIsWrittenAndFailsWholeOnANull(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows("INSERT INTO pet (name, species, weight) VALUES ('Rex', 'DOG', 30), ('Kit', 'CAT', 4)");
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.altercolumn.nodefault.Pet.class;
            AutogenResult result = h.generate(pet);
            assertEquals(List.of(AlterColumn.class), types(result.operations()));
            assertTrue(h.scriptText(result).contains("WARNING: makes pet.weight NOT NULL without a default"),
                    h.scriptText(result));
            h.rows("INSERT INTO pet (name, species, weight) VALUES ('Tom', 'CAT', NULL)");
            var failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, h::applyToApp);
            assertTrue(String.valueOf(rootMessage(failure)).contains(on.either("NOT NULL constraint failed", "contains null values")), rootMessage(failure));
            h.assertAppMatchesBeforeSchema();
            assertEquals(3, h.count("SELECT count(*) FROM pet"), "nothing changed");
            h.rows("UPDATE pet SET weight = 5 WHERE weight IS NULL");
            h.repairApp(); // on SQLite the rebuild ran outside Flyway's transaction, which records the failure
            h.applyToApp();
            h.assertAppMatches(pet);
            assertEquals(3, h.count("SELECT count(*) FROM pet"));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void narrowingTypeChangeIsDestructive(ScenarioDialect on) throws Exception {
        String before = BEFORE.replace("weight INTEGER", "weight TEXT");
        try (ScenarioHarness h = new ScenarioHarness(on, before)) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.altercolumn.narrowing.Pet.class;
            AutogenResult skipped = h.generate(options(), pet);
            assertTrue(skipped.operations().isEmpty());
            assertTrue(skipped.skipped().get(0).destructive());
            AutogenResult result = h.generate(options().withAllowDestructive(true), pet);
            assertEquals(List.of(AlterColumn.class), types(result.operations()));
            applyAndUndo(h, result, pet);
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void createsAndDropsIndexesNatively(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE, "CREATE INDEX ix_pet_weight ON pet (weight);")) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class;
            AutogenResult result = h.generate(pet);
            assertEquals(List.of(DropIndex.class, CreateIndex.class), types(result.operations()));
            assertTrue(h.scriptText(result).contains("CREATE INDEX \"ix_pet_name\" ON \"pet\" (\"name\")"));
            assertFalse(h.scriptText(result).contains("__autogen_new"), "no rebuild for indexes");
            assertTrue(result.script().orElseThrow().fileName().startsWith("V3__"));
            applyAndUndo(h, result, pet);
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void addsCompositeUniqueByRebuild(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.unique.after.Pet.class;
            AutogenResult result = h.generate(pet);
            assertEquals(List.of(AddUnique.class), types(result.operations()));
            assertTrue(h.scriptText(result).contains("CONSTRAINT \"uq_pet_name_species\" UNIQUE (\"name\", \"species\")"));
            applyAndUndo(h, result, pet);
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void addsNamedCheckAndDropsItAgain(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            Class<?> withCheck = io.quarkiverse.flywayautogen.core.scenarios.check.after.Pet.class;
            AutogenResult added = h.generate(withCheck);
            assertEquals(List.of(AddCheck.class), types(added.operations()));
            assertTrue(h.scriptText(added).contains("CONSTRAINT \"ck_pet_weight_positive\" CHECK (weight>=0)"));
            h.applyToApp();
            h.assertAppMatches(withCheck);

            Class<?> withoutCheck = io.quarkiverse.flywayautogen.core.scenarios.nochange.after.Pet.class;
            AutogenResult dropped = h.generate(options().withMessage("drop check"), withoutCheck);
            assertEquals(List.of(DropCheck.class), types(dropped.operations()));
            h.applyToApp();
            h.assertAppMatches(withoutCheck);
            h.rows("INSERT INTO pet (name, species, weight) VALUES ('Odd', 'CAT', -1)");
            assertEquals(4, h.count("SELECT count(*) FROM pet"), "the check is gone, rows kept");
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void enumValueSetChangeRewritesTheCheck(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows(ROWS);
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.enumchange.after.Pet.class;
            AutogenResult result = h.generate(pet);
            assertEquals(List.of(DropCheck.class, AddCheck.class), types(result.operations()));
            assertTrue(h.scriptText(result).contains("'BIRD'"));
            h.applyToApp();
            h.assertAppMatches(pet);
            h.rows("INSERT INTO pet (name, species) VALUES ('Tweety', 'BIRD')");
            assertEquals(4, h.count("SELECT count(*) FROM pet"));
        }
    }
}
