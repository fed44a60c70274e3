package io.quarkiverse.flywayautogen.core.render;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeneratedMigrationsTest {

    private static String generatedHeader(String fileName) {
        return ScriptRenderer.render(fileName + " (sqlite): add column pet name", List.of(), List.of(), List.of());
    }

    @Test
    void newestGeneratedFileIsFoundByItsHeaderNotByItsDate() throws Exception {
        Path dir = Files.createTempDirectory("generated-");
        assertEquals(Optional.empty(), GeneratedMigrations.newestIn(dir));
        assertEquals(Optional.empty(), GeneratedMigrations.newestIn(dir.resolve("missing")));
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE pet (id INTEGER PRIMARY KEY);\n");
        assertEquals(Optional.empty(), GeneratedMigrations.newestIn(dir), "hand-written");

        Files.writeString(dir.resolve("V2__add_column_pet_name.sql"), generatedHeader("V2__add_column_pet_name.sql"));
        Files.writeString(dir.resolve("V10__add_column_pet_age.sql"), generatedHeader("V10__add_column_pet_age.sql"));
        Files.writeString(dir.resolve("U10__add_column_pet_age.sql"), generatedHeader("U10__add_column_pet_age.sql"));
        // a later hand-written migration, and an older generated one touched last
        Files.writeString(dir.resolve("V11__seed.sql"), "INSERT INTO pet (id) VALUES (1);\n");
        Files.setLastModifiedTime(dir.resolve("V2__add_column_pet_name.sql"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        assertEquals(Optional.of(dir.resolve("V10__add_column_pet_age.sql")), GeneratedMigrations.newestIn(dir));
    }
}
