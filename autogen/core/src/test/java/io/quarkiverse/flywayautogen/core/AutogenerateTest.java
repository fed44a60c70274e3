package io.quarkiverse.flywayautogen.core;

import io.quarkiverse.flywayautogen.core.desired.EntityBootstrap;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.boot.Metadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade as the Quarkus extension will call it: from a ready Metadata, returning scripts without writing. */
class AutogenerateTest {

    static final String BEFORE = "CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL,"
            + " species VARCHAR(255) NOT NULL CHECK (species IN ('CAT', 'DOG')), weight INTEGER);";

    @Test
    void generatesFromExistingMetadataWithoutWriting() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(BEFORE)) {
            Metadata metadata = EntityBootstrap.sqliteMetadata(List.of(io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class),
                    getClass().getClassLoader());
            AutogenResult result = Autogenerate.forDialect("sqlite").generate(metadata, h.migrations,
                    AutogenOptions.defaults().withWrite(false).withUndo(true).withMessage("index pets by name"));
            assertEquals("V2__index_pets_by_name.sql", result.script().orElseThrow().fileName());
            assertEquals("U2__index_pets_by_name.sql", result.undoScript().orElseThrow().fileName());
            assertTrue(result.undoScript().orElseThrow().content().contains("DROP INDEX \"ix_pet_name\""));
            assertTrue(result.written().isEmpty());
            assertTrue(result.replayMillis() >= 0 && result.diffMillis() >= 0);
            try (var files = Files.list(h.migrations)) {
                assertEquals(1, files.count());
            }
        }
    }

    @Test
    void undoOfDroppingANotNullColumnWithoutDefaultIsRefusedWithTheReason() throws Exception {
        String before = BEFORE.replace("weight INTEGER", "weight INTEGER NOT NULL");
        try (ScenarioHarness h = new ScenarioHarness(before)) {
            AutogenException e = assertThrows(AutogenException.class, () -> h.generate(
                    AutogenOptions.defaults().withUndo(true).withAllowDestructive(true),
                    io.quarkiverse.flywayautogen.core.scenarios.dropcolumn.after.Pet.class));
            assertTrue(e.getMessage().startsWith("an undo script was asked for (--undo, quarkus.flyway-autogen.undo) but dropping pet.weight cannot be undone"), e.getMessage());
        }
    }

    @Test
    void identityLongKeyIsRefusedNamingTheFieldAndWhatToDeclare() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness()) {
            Class<?> pet = io.quarkiverse.flywayautogen.core.identity.LongIdentityPet.class;
            for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> h.generate(pet),
                    () -> Autogenerate.forDialect("sqlite").check(List.of(pet), getClass().getClassLoader(), h.migrations,
                            AutogenOptions.defaults()))) {
                AutogenException e = assertThrows(AutogenException.class, call);
                assertTrue(e.getMessage().startsWith("LongIdentityPet.id is an IDENTITY key of Java type Long"), e.getMessage());
                assertTrue(e.getMessage().contains("Declare @JdbcTypeCode(SqlTypes.INTEGER) on LongIdentityPet.id"), e.getMessage());
                assertTrue(e.getMessage().contains("or a UUID id"), e.getMessage());
            }
            try (var files = Files.list(h.migrations)) {
                assertEquals(0, files.count(), "nothing written");
            }
        }
    }

    @Test
    void timestampSchemeNamesTheFileAfterTheClockAndTheHeaderEndsWithoutPunctuation() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(BEFORE)) {
            java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T15:30:00Z"), java.time.ZoneOffset.UTC);
            AutogenResult result = new Autogenerate(io.quarkiverse.flywayautogen.core.dialect.Dialects.require("sqlite"), clock)
                    .generate(List.of(io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class), getClass().getClassLoader(),
                            h.migrations, AutogenOptions.defaults().withMessage("Index pets by name:")
                                    .withVersionScheme(io.quarkiverse.flywayautogen.core.render.VersionScheme.TIMESTAMP));
            assertEquals(List.of(h.migrations.resolve("V20261202153000__index_pets_by_name.sql")), result.written());
            assertEquals("-- V20261202153000__index_pets_by_name.sql (sqlite): Index pets by name",
                    Files.readAllLines(result.written().get(0)).get(0));
            h.applyToApp();
            h.assertAppMatches(io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class);
        }
    }

    @Test
    void aFixedVersionNamesTheFileAndMustSortAfterTheFolder() throws Exception {
        Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class;
        var v7 = io.quarkiverse.flywayautogen.core.render.MigrationVersion.parse("7");
        try (ScenarioHarness h = new ScenarioHarness(BEFORE)) {
            AutogenResult result = h.generate(AutogenOptions.defaults().withVersion(v7).withMessage("add owner email"), pet);
            assertEquals(List.of(h.migrations.resolve("V7__add_owner_email.sql")), result.written(),
                    "another database's folder follows the datasource's version, gaps allowed");

            var v1 = io.quarkiverse.flywayautogen.core.render.MigrationVersion.parse("1");
            AutogenException e = assertThrows(AutogenException.class, () -> Autogenerate.forDialect("sqlite").generate(
                    List.of(io.quarkiverse.flywayautogen.core.scenarios.unique.after.Pet.class), getClass().getClassLoader(),
                    h.migrations, AutogenOptions.defaults().withVersion(v1)));
            assertTrue(e.getMessage().contains("cannot write version 1 into") && e.getMessage().contains("already holds V7"),
                    e.getMessage());
        }
    }

    @Test
    void unknownDialectIsAClearError() {
        AutogenException e = assertThrows(AutogenException.class, () -> Autogenerate.forDialect("oracle"));
        assertTrue(e.getMessage().contains("unsupported dialect 'oracle' (supported: sqlite, postgresql, mariadb)"), e.getMessage());
    }
}
