package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-check samples only the tables around a change (SampleScope): the failures that depend on rows still show
 * in the tables that reference a rebuilt one, and a table the change does not reach holds no rows.
 */
class SampleScopeSelfCheckTest {

    private static final String SCHEMA = """
            CREATE TABLE region (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT, region_id INTEGER NOT NULL REFERENCES region (id));
            CREATE TABLE pet (id INTEGER PRIMARY KEY, name TEXT, owner_id INTEGER REFERENCES owner (id) ON DELETE CASCADE);
            CREATE TABLE visit (id INTEGER PRIMARY KEY, pet_id INTEGER NOT NULL REFERENCES pet (id));
            CREATE TABLE shop (id INTEGER PRIMARY KEY, region_id INTEGER REFERENCES region (id));
            CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT);
            """;

    private final SqliteDialect dialect = new SqliteDialect();

    @Test
    void theScopeOfAChangeToOneTableIsItsNeighboursAndTheirParents() throws Exception {
        Path dir = folder(SCHEMA);
        try (ScratchDatabase replay = new MigrationReplayer(dialect).replay(dir).database()) {
            Schema current = read(replay);
            Schema expected = expected(replay, dir, "ALTER TABLE owner ADD COLUMN email TEXT;");
            List<Operation> ops = diff(current, expected);
            // owner's parent (region) and child (pet) are neighbours; visit references pet, not owner, and shop only
            // shares a parent: neither can be reached by a change to owner. audit is unrelated.
            assertEquals(Optional.of(Set.of("owner", "region", "pet")), SampleScope.of(current, expected, ops).tables());
            assertEquals(SampleScope.all(), SampleScope.of(current, expected, List.of()));
        }
    }

    /**
     * A rebuild of owner, as SQLite needs for a change ALTER TABLE cannot make, that drops the old table with foreign
     * keys on: the drop deletes every owner row first, which cascades into pet. Only pet's sample rows show it, and
     * pet is sampled because it references owner.
     */
    @Test
    void aRebuildOfOneTableStillCatchesTheRowsItLosesInAReferencingTable() throws Exception {
        Path dir = folder(SCHEMA);
        String rebuild = """
                CREATE TABLE owner_new (id INTEGER PRIMARY KEY, name TEXT, region_id INTEGER NOT NULL REFERENCES region (id),
                    email TEXT);
                INSERT INTO owner_new (id, name, region_id) SELECT id, name, region_id FROM owner;
                DROP TABLE owner;
                ALTER TABLE owner_new RENAME TO owner;
                """;
        try (ScratchDatabase replay = new MigrationReplayer(dialect).replay(dir).database()) {
            Schema current = read(replay);
            Schema expected = expected(replay, dir, rebuild);
            List<Operation> ops = diff(current, expected);
            assertFalse(ops.isEmpty());
            SelfCheck.Result result = new SelfCheck(dialect).verify(replay, dir, current, expected, ops,
                    new Script("V2__owner_email.sql", rebuild), Optional.empty());
            assertFalse(result.passed(), "the cascade into pet must refuse the script");
            assertTrue(result.problems().stream().anyMatch(p -> p.contains("table pet had 3 sample rows before the script and 0 after")),
                    result.problems()::toString);
        }
    }

    /**
     * A script that changes owner and, unlike any the planner writes, also deletes owner rows when audit has rows:
     * it passes, because audit is outside the change's scope and holds no sample row. With every table sampled (no
     * operations given) the same script is refused.
     */
    @Test
    void aTableOutsideTheScopeIsNotSampled() throws Exception {
        Path dir = folder(SCHEMA);
        String script = """
                ALTER TABLE owner ADD COLUMN email TEXT;
                DELETE FROM visit WHERE EXISTS (SELECT 1 FROM audit);
                DELETE FROM pet WHERE EXISTS (SELECT 1 FROM audit);
                DELETE FROM owner WHERE EXISTS (SELECT 1 FROM audit);
                """;
        try (ScratchDatabase replay = new MigrationReplayer(dialect).replay(dir).database()) {
            Schema current = read(replay);
            Schema expected = expected(replay, dir, "ALTER TABLE owner ADD COLUMN email TEXT;");
            List<Operation> ops = diff(current, expected);
            SelfCheck check = new SelfCheck(dialect);
            SelfCheck.Result scoped = check.verify(replay, dir, current, expected, ops,
                    new Script("V2__owner_email.sql", script), Optional.empty());
            assertTrue(scoped.passed(), scoped.problems()::toString);

            SelfCheck.Result everything = check.verify(replay, dir, current, expected, List.of(),
                    new Script("V2__owner_email.sql", script), Optional.empty());
            assertTrue(everything.problems().stream().anyMatch(p -> p.contains("table owner had 3 sample rows before the script and 0 after")),
                    everything.problems()::toString);
        }
    }

    private static Path folder(String v1) throws Exception {
        Path dir = Files.createTempDirectory("selfcheck-scope-");
        Files.writeString(dir.resolve("V1__init.sql"), v1);
        return dir;
    }

    private static Schema read(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new SqliteDialect().reader().read(c);
        }
    }

    /** The schema after {@code script} on a copy of {@code replay}. */
    private static Schema expected(ScratchDatabase replay, Path dir, String script) throws Exception {
        try (ScratchDatabase target = replay.copy("expected")) {
            MigrationReplayer.migrate(target, List.of(dir, SelfCheck.writeScript(target, "v2", "V2__target.sql", script)));
            return read(target);
        }
    }

    private static List<Operation> diff(Schema current, Schema expected) {
        return new SchemaComparator().compare(current, expected, RenameHints.none()).operations();
    }
}
