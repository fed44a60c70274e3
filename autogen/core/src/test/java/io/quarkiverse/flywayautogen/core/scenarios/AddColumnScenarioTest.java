package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.scenarios.addcolumn.after.Pet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddColumnScenarioTest {

    static final String BEFORE = "CREATE TABLE pet (id ${id}, name VARCHAR(255) NOT NULL);";

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void addsNullableAndNotNullColumnsUsingDeclaredDefaults(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            h.rows("INSERT INTO pet (name) VALUES ('Rex'), ('Tom')");
            AutogenResult result = h.generate(Pet.class);

            assertEquals(3, result.operations().size(), result.operations().toString());
            assertTrue(result.operations().stream().allMatch(op -> op instanceof AddColumn));
            assertTrue(result.script().orElseThrow().fileName().startsWith("V2__scenario"));
            assertTrue(Files.exists(h.migrations.resolve("V2__scenario.sql")));
            assertTrue(Files.exists(h.migrations.resolve("U2__scenario.sql")));

            h.applyToApp();
            h.assertAppMatches(Pet.class);
            assertEquals(2, h.count("SELECT count(*) FROM pet"));
            assertEquals("unknown", h.value("SELECT species FROM pet WHERE name = 'Rex'"));
            assertEquals(0, h.count("SELECT count(*) FROM pet WHERE registered_at IS NULL"));

            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
            assertEquals(2, h.count("SELECT count(*) FROM pet"));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void notNullColumnWithoutDefaultStopsWithWhatToDeclare(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, BEFORE)) {
            AutogenException e = assertThrows(AutogenException.class,
                    () -> h.generate(io.quarkiverse.flywayautogen.core.scenarios.addcolumn.afternodefault.Pet.class));
            assertTrue(e.getMessage().contains("@ColumnDefault(\"...\") on Pet.weightGrams"), e.getMessage());
            try (var files = Files.list(h.migrations)) {
                assertEquals(1, files.count(), "nothing written");
            }
        }
    }
}
