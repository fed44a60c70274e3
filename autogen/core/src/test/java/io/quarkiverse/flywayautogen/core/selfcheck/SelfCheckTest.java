package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteSchemaReader;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.render.Script;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfCheckTest {

    @Test
    void passesAGoodScriptAndCatchesOneThatLosesRowsOrMissesTheTarget() throws Exception {
        Path dir = Files.createTempDirectory("selfcheck-");
        Files.writeString(dir.resolve("V1__init.sql"), """
                CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owner (id) ON DELETE CASCADE,
                    species TEXT CHECK (species IN ('CAT', 'DOG')));
                """);
        try (var replay = new MigrationReplayer(new io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect()).replay(dir).database()) {
            Schema current;
            try (Connection c = replay.connect()) {
                current = new SqliteSchemaReader().read(c);
            }
            SelfCheck check = new SelfCheck(new io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect());
            SelfCheck.Result good = check.verify(replay, dir, current, current, List.of(),
                    new Script("V2__noop.sql", "SELECT 1;"), Optional.empty());
            assertTrue(good.passed(), good.problems()::toString);

            SelfCheck.Result lossy = check.verify(replay, dir, current, current, List.of(),
                    new Script("V2__lossy.sql", "DELETE FROM owner WHERE id = 1;"), Optional.empty());
            assertFalse(lossy.passed());
            assertTrue(lossy.problems().stream().anyMatch(p -> p.contains("table pet had 3 sample rows")), lossy.problems()::toString);

            SelfCheck.Result wrong = check.verify(replay, dir, current, current, List.of(),
                    new Script("V2__wrong.sql", "ALTER TABLE owner ADD COLUMN extra TEXT;"), Optional.empty());
            assertTrue(wrong.problems().stream().anyMatch(p -> p.contains("schema still differs")), wrong.problems()::toString);
        }
    }

    /** A CHECK the script adds that the made-up rows miss: the rows are at fault, the script is tried on empty tables. */
    @Test
    void aConstraintTheSampleRowsMissIsAWarningAndTheScriptIsStillChecked() throws Exception {
        Path dir = Files.createTempDirectory("selfcheck-");
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);");
        String rebuild = """
                CREATE TABLE t_new (id INTEGER PRIMARY KEY, n INTEGER CHECK (n < 0));
                INSERT INTO t_new (id, n) SELECT id, n FROM t;
                DROP TABLE t;
                ALTER TABLE t_new RENAME TO t;
                """;
        var dialect = new io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect();
        try (var replay = new MigrationReplayer(dialect).replay(dir).database()) {
            Schema current;
            try (Connection c = replay.connect()) {
                current = new SqliteSchemaReader().read(c);
            }
            Schema expected;
            try (var target = replay.copy("expected")) {
                MigrationReplayer.migrate(target, List.of(dir, SelfCheck.writeScript(target, "v2", "V2__check.sql", rebuild)));
                try (Connection c = target.connect()) {
                    expected = new SqliteSchemaReader().read(c);
                }
            }
            SelfCheck check = new SelfCheck(dialect);
            SelfCheck.Result result = check.verify(replay, dir, current, expected, List.of(),
                    new Script("V2__check.sql", rebuild), Optional.empty());
            assertTrue(result.passed(), result.problems()::toString);
            assertTrue(result.unsampled().stream().anyMatch(w -> w.startsWith("self-check could not build a sample for"
                    + " V2__check.sql: its sample rows break a constraint it adds")), result.unsampled()::toString);

            SelfCheck.Result wrong = check.verify(replay, dir, current, expected, List.of(),
                    new Script("V2__check.sql", rebuild + "ALTER TABLE t ADD COLUMN extra TEXT;"), Optional.empty());
            assertTrue(wrong.problems().stream().anyMatch(p -> p.contains("schema still differs")), wrong.problems()::toString);
        }
    }
}
