package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteSchemaReaderTest {

    static final String SQL = """
            CREATE TABLE owner (id INTEGER PRIMARY KEY, email VARCHAR(100), created TIMESTAMP DEFAULT (CURRENT_TIMESTAMP),
                CONSTRAINT "uq_owner_email" UNIQUE (email));
            CREATE TABLE pet (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL DEFAULT '0',
                lives INTEGER DEFAULT (10) CHECK (lives >= 0),
                owner_id BIGINT,
                CONSTRAINT fk_pet_owner FOREIGN KEY (owner_id) REFERENCES owner ON DELETE SET NULL,
                CONSTRAINT ck_pet_name CHECK ( length("name") > 0 )
            );
            CREATE INDEX ix_pet_name ON pet (name);
            CREATE VIEW pet_names AS SELECT name FROM pet;
            """;

    @Test
    void replaysMigrationsIntoScratchDatabaseAndReadsNormalisedModel() throws Exception {
        Path dir = Files.createTempDirectory("reader-");
        Files.writeString(dir.resolve("V1__init.sql"), SQL);
        MigrationReplayer.Replay replay = new MigrationReplayer(new io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect()).replay(dir);
        try (var db = replay.database(); Connection c = db.connect()) {
            assertTrue(replay.elapsedMillis() >= 0);
            Schema schema = new SqliteSchemaReader().read(c);
            assertEquals(List.of("owner", "pet"), schema.tables().stream().map(Table::name).toList(), "flyway history skipped");
            Table pet = schema.requireTable("pet");
            assertEquals("0", pet.column("name").orElseThrow().defaultValue());
            assertEquals("10", pet.column("lives").orElseThrow().defaultValue());
            assertFalse(pet.column("id").orElseThrow().nullable(), "INTEGER PRIMARY KEY is never NULL");
            assertEquals("SET NULL", pet.foreignKeys().get(0).onDelete());
            assertEquals(List.of("id"), pet.foreignKeys().get(0).referencedColumns(), "implicit parent key resolved");
            assertTrue(pet.checks().contains(new CheckConstraint(null, "lives>=0")));
            assertTrue(pet.checks().stream().anyMatch(ch -> "ck_pet_name".equals(ch.name()) && ch.expression().equals("length(name)>0")));
            assertEquals("ix_pet_name", pet.indexes().get(0).name());
            Table owner = schema.requireTable("owner");
            assertEquals(List.of("email"), owner.uniques().get(0).columns());
            assertEquals("uq_owner_email", owner.uniques().get(0).name(), "constraint names parsed from the CREATE TABLE");
            assertEquals("fk_pet_owner", pet.foreignKeys().get(0).name());
            assertEquals("CURRENT_TIMESTAMP", owner.column("created").orElseThrow().defaultValue());
            assertEquals(1, schema.views().size());
            assertEquals(schema, new SqliteSchemaReader().read(c), "same result on every read");
        }
    }

    @Test
    void missingMigrationsFolderIsAClearError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.quarkiverse.flywayautogen.core.AutogenException.class,
                () -> new MigrationReplayer(new io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect()).replay(Path.of("/nonexistent/migrations")));
        assertTrue(e.getMessage().contains("does not exist"));
    }
}
