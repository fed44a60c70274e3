package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresTestServer;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The usual way to build an index on PostgreSQL without blocking writes: {@code CREATE INDEX CONCURRENTLY} in a
 * script whose Flyway configuration ({@code V3__x.sql.conf}) says {@code executeInTransaction=false}. The build
 * waits for every transaction open in the database; a replay that keeps one open itself waits forever (issue 24).
 */
class NonTransactionalScriptReplayTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path folder;
    @TempDir
    Path cacheDir;

    @Test
    void concurrentIndexBuildReplaysOnPostgres() throws Exception {
        writeConcurrentIndexHistory();
        Dialect dialect = PostgresTestServer.dialect();
        assertTimeoutPreemptively(DEADLINE, () -> {
            try (ScratchDatabase db = new MigrationReplayer(dialect).replay(folder).database()) {
                assertEquals(List.of("pet_name_idx"), indexesOfPet(db));
            }
        });
    }

    @Test
    void concurrentIndexBuildReplaysOnPostgresThroughTheCache() throws Exception {
        writeConcurrentIndexHistory();
        Dialect dialect = PostgresTestServer.dialect();
        ReplayCacheSettings cache = ReplayCacheSettings.in(cacheDir);
        assertTimeoutPreemptively(DEADLINE, () -> {
            for (int run = 0; run < 2; run++) {
                try (ScratchDatabase db = new MigrationReplayer(dialect).replay(folder, cache).database()) {
                    assertEquals(List.of("pet_name_idx"), indexesOfPet(db));
                }
            }
        });
    }

    /** Flyway would refuse {@code VACUUM} in a transaction on PostgreSQL: the configuration is what lets it run. */
    @Test
    void scriptConfigurationIsHonouredOnPostgres() throws Exception {
        writeConcurrentIndexHistory();
        Files.writeString(folder.resolve("V4__vacuum.sql"), "VACUUM pet;\n");
        Files.writeString(folder.resolve("V4__vacuum.sql.conf"), "executeInTransaction=false\n");
        Dialect dialect = PostgresTestServer.dialect();
        assertTimeoutPreemptively(DEADLINE, () -> {
            try (ScratchDatabase db = new MigrationReplayer(dialect).replay(folder).database()) {
                assertEquals(List.of("pet_name_idx"), indexesOfPet(db));
            }
        });
    }

    /** SQLite refuses {@code VACUUM} inside a transaction; the script's configuration lets the replay run it. */
    @Test
    void scriptConfigurationIsHonouredOnSqlite() throws Exception {
        Files.writeString(folder.resolve("V1__pet.sql"), "CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(40));\n");
        Files.writeString(folder.resolve("V2__vacuum.sql"), "VACUUM;\n");
        Files.writeString(folder.resolve("V2__vacuum.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(folder.resolve("V3__pet_name.sql"), "CREATE INDEX pet_name_idx ON pet (name);\n");
        assertTimeoutPreemptively(DEADLINE, () -> {
            try (ScratchDatabase db = new MigrationReplayer(new SqliteDialect()).replay(folder).database()) {
                try (Connection c = db.connect(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pet'")) {
                    assertTrue(rs.next());
                    assertEquals("pet_name_idx", rs.getString(1));
                }
            }
        });
    }

    private void writeConcurrentIndexHistory() throws Exception {
        Files.writeString(folder.resolve("V1__pet.sql"), "CREATE TABLE pet (id BIGINT PRIMARY KEY, name VARCHAR(40));\n");
        Files.writeString(folder.resolve("V2__pets.sql"), "INSERT INTO pet VALUES (1, 'Rex'), (2, 'Tom');\n");
        Files.writeString(folder.resolve("V3__pet_name.sql"), "CREATE INDEX CONCURRENTLY pet_name_idx ON pet (name);\n");
        Files.writeString(folder.resolve("V3__pet_name.sql.conf"), "executeInTransaction=false\n");
    }

    private static List<String> indexesOfPet(ScratchDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'pet' AND indexname <> 'pet_pkey'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
