package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresTestServer;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The previous release's selects and inserts, run against the schema after a migration: each rule's case, and the
 * Pet Manager's own history, whose every step was an expand step.
 */
class PreviousReleaseWorkloadTest {

    private static final String PETS_SQLITE = "CREATE TABLE owner (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
            + "CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(40), owner_id INTEGER REFERENCES owner (id));\n";
    private static final String PETS_POSTGRES = "CREATE TABLE owner (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
            + "CREATE TABLE pet (id BIGINT PRIMARY KEY, name VARCHAR(40), owner_id BIGINT REFERENCES owner (id));\n";

    @TempDir
    Path folder;

    @Test
    void nullableColumnKeepsThePreviousReleaseWorking() throws Exception {
        assertEquals(List.of(), failures(new SqliteDialect(), PETS_SQLITE, "ALTER TABLE pet ADD COLUMN weight INTEGER;"));
    }

    @Test
    void droppedColumnBreaksThePreviousReleasesSelectNamingTheColumn() throws Exception {
        List<PreviousReleaseFailure> failures = failures(new SqliteDialect(), PETS_SQLITE, "ALTER TABLE pet DROP COLUMN name;");
        assertTrue(failures.stream().anyMatch(f -> f.text().startsWith("the previous release's select of pet.name fails")),
                failures.toString());
    }

    @Test
    void notNullColumnWithoutDefaultBreaksThePreviousReleasesInsertNamingTheColumn() throws Exception {
        List<PreviousReleaseFailure> failures = failures(PostgresTestServer.dialect(), PETS_POSTGRES,
                "ALTER TABLE pet ADD COLUMN weight INTEGER NOT NULL;");
        assertEquals(1, failures.size(), failures.toString());
        assertEquals("pet", failures.get(0).table());
        assertTrue(failures.get(0).text().startsWith("the previous release's insert into pet fails (column pet.weight)"),
                failures.get(0).text());
    }

    @Test
    void renamedTableIsGoneForThePreviousRelease() throws Exception {
        List<PreviousReleaseFailure> failures = failures(new SqliteDialect(), PETS_SQLITE, "ALTER TABLE pet RENAME TO animal;");
        assertTrue(failures.stream().anyMatch(f -> f.text().equals("the previous release's select from pet fails: the table is gone")),
                failures.toString());
    }

    @Test
    void narrowedColumnRefusesThePreviousReleasesValues() throws Exception {
        List<PreviousReleaseFailure> failures = failures(PostgresTestServer.dialect(), PETS_POSTGRES,
                "ALTER TABLE owner ALTER COLUMN name TYPE VARCHAR(3);");
        assertTrue(failures.stream().anyMatch(f -> f.text().contains("insert into owner fails (column owner.name)")),
                failures.toString());
    }

    @Test
    void workloadLeavesNoRowsBehind() throws Exception {
        Files.writeString(folder.resolve("V1__pets.sql"), PETS_SQLITE);
        Dialect dialect = new SqliteDialect();
        try (ScratchDatabase db = new MigrationReplayer(dialect).replay(folder).database(); Connection c = db.connect()) {
            Schema schema = dialect.reader().read(c);
            assertEquals(List.of(), PreviousReleaseWorkload.run(c, schema, schema, dialect));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pet")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void petManagerHistoryKeepsThePreviousReleaseWorkingOnSqlite() throws Exception {
        assertEveryStepCompatible(new SqliteDialect(), "sqlite");
    }

    @Test
    void petManagerHistoryKeepsThePreviousReleaseWorkingOnPostgres() throws Exception {
        assertEveryStepCompatible(PostgresTestServer.dialect(), "postgresql");
    }

    private void assertEveryStepCompatible(Dialect dialect, String vendor) throws Exception {
        Path history = Path.of("../../pet-manager/src/main/resources/db/migration", vendor);
        List<Path> scripts;
        try (Stream<Path> files = Files.list(history)) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(scripts.size() >= 5, scripts.toString());
        Schema previous = null;
        for (int k = 1; k <= scripts.size(); k++) {
            Path step = Files.createDirectories(folder.resolve(vendor + k));
            for (Path script : scripts.subList(0, k)) {
                Files.copy(script, step.resolve(script.getFileName()));
                Path conf = script.resolveSibling(script.getFileName() + ".conf");
                if (Files.exists(conf)) {
                    Files.copy(conf, step.resolve(conf.getFileName()));
                }
            }
            try (ScratchDatabase db = new MigrationReplayer(dialect).replay(step).database(); Connection c = db.connect()) {
                Schema after = dialect.reader().read(c);
                if (previous != null) {
                    assertEquals(List.of(), PreviousReleaseWorkload.run(c, previous, after, dialect),
                            "after " + scripts.get(k - 1).getFileName());
                }
                previous = after;
            }
        }
    }

    private List<PreviousReleaseFailure> failures(Dialect dialect, String v1, String v2) throws Exception {
        Files.writeString(folder.resolve("V1__pets.sql"), v1);
        Schema previous;
        try (ScratchDatabase db = new MigrationReplayer(dialect).replay(folder).database(); Connection c = db.connect()) {
            previous = dialect.reader().read(c);
        }
        Files.writeString(folder.resolve("V2__change.sql"), v2);
        try (ScratchDatabase db = new MigrationReplayer(dialect).replay(folder).database(); Connection c = db.connect()) {
            return PreviousReleaseWorkload.run(c, previous, dialect.reader().read(c), dialect);
        }
    }
}
