package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionConflictsTest {

    @Test
    void twoFilesWithOneVersionAreNamedBothBeforeFlywayRuns() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness("CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL);")) {
            // what a merge of two branches leaves: each added its own V2
            Files.writeString(h.migrations.resolve("V2__add_column_pet_species.sql"), "ALTER TABLE pet ADD COLUMN species VARCHAR(255);");
            Files.createDirectories(h.migrations.resolve("later"));
            Files.writeString(h.migrations.resolve("later/V2.0__add_column_pet_weight.sql"), "ALTER TABLE pet ADD COLUMN weight INTEGER;");
            for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> h.generate(io.quarkiverse.flywayautogen.core.scenarios.addcolumn.after.Pet.class),
                    () -> Autogenerate.forDialect("sqlite").check(List.of(io.quarkiverse.flywayautogen.core.scenarios.addcolumn.after.Pet.class),
                            getClass().getClassLoader(), h.migrations, AutogenOptions.defaults()))) {
                AutogenException e = assertThrows(AutogenException.class, call);
                assertTrue(e.getMessage().contains("have the same version (version 2: V2__add_column_pet_species.sql and "
                        + Path.of("later", "V2.0__add_column_pet_weight.sql") + ")"), e.getMessage());
                assertTrue(e.getMessage().contains("give the one that is not applied anywhere yet a new version"), e.getMessage());
            }
        }
    }

    @Test
    void undoScriptsAndRepeatablesShareNoVersionSpace() throws Exception {
        Path dir = Files.createTempDirectory("conflicts-");
        Files.writeString(dir.resolve("V1__init.sql"), "");
        Files.writeString(dir.resolve("U1__init.sql"), "");
        Files.writeString(dir.resolve("R__view.sql"), "");
        Files.writeString(dir.resolve("V1.1__more.sql"), "");
        assertDoesNotThrow(() -> VersionConflicts.check(dir));
    }
}
