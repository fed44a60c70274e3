package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.compare.Diff;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tries a script before it is written: on a copy of the replayed database holding sample rows, run it with Flyway
 * (foreign keys on, as in the application), read the schema back and diff it against the expected one. The diff
 * must be empty, every surviving table must keep its rows, and no row may be left without its parent. When an undo
 * script is given it is applied next and must bring back the schema as it was.
 */
public final class SelfCheck {

    private final Dialect dialect;

    public SelfCheck(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Problems found (empty when the script passed) and notes about the sample data. */
    public record Result(List<String> problems, List<String> notes) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    public Result verify(ScratchDatabase replayed, Path migrationsDir, Schema current, Schema expected,
                         List<Operation> operations, Script forward, Optional<Script> undo) {
        return verify(replayed, migrationsDir, current, expected, operations, forward, undo, Optional.empty());
    }

    /** With {@code entities}, Hibernate must also validate the result and persist one of each entity on it. */
    public Result verify(ScratchDatabase replayed, Path migrationsDir, Schema current, Schema expected,
                         List<Operation> operations, Script forward, Optional<Script> undo, Optional<EntitySet> entities) {
        Result onRows = verifyOnSampleRows(replayed, migrationsDir, current, expected, operations, forward, undo);
        if (!onRows.passed()) {
            return onRows;
        }
        List<String> problems = new ArrayList<>(NotNullProof.verify(dialect, replayed, migrationsDir, current, operations, forward));
        if (problems.isEmpty() && entities.isPresent()) {
            // on the migrated schema without sample rows, as the application meets it: sample ids would collide
            // with the ones Hibernate's generators hand out
            try (ScratchDatabase db = replayed.copy("hibernate")) {
                Path forwardDir = writeScript(db, "forward", forward.fileName(), forward.content());
                if (runScript(db, List.of(migrationsDir, forwardDir), forward.fileName(), problems)) {
                    problems.addAll(HibernateAgreement.verify(dialect, entities.get(), db));
                }
            }
        }
        return new Result(problems, onRows.notes());
    }

    private Result verifyOnSampleRows(ScratchDatabase replayed, Path migrationsDir, Schema current, Schema expected,
                                      List<Operation> operations, Script forward, Optional<Script> undo) {
        List<String> problems = new ArrayList<>();
        List<String> notes;
        try (ScratchDatabase db = replayed.copy("selfcheck")) {
            Map<String, Long> before;
            try (Connection c = db.connect()) {
                notes = SampleRows.insert(c, current, expected, dialect.types());
                before = RowCounts.count(c, current);
            }
            Path forwardDir = writeScript(db, "forward", forward.fileName(), forward.content());
            if (!runScript(db, List.of(migrationsDir, forwardDir), forward.fileName(), problems)) {
                return new Result(problems, notes);
            }
            try (Connection c = db.connect()) {
                Schema after = dialect.reader().read(c);
                describeDiff(after, expected, "after " + forward.fileName(), problems);
                Map<String, Long> afterCounts = RowCounts.count(c, after);
                compareCounts(before, afterCounts, operations, problems);
                dialect.foreignKeyViolations(c).forEach(v -> problems.add("foreign key violation after the script: " + v));
            }
            if (undo.isPresent() && problems.isEmpty()) {
                // Community Flyway does not run U scripts; the check runs the undo text as the next versioned one.
                String asVersioned = "V999999999__undo_check.sql";
                Path undoDir = writeScript(db, "undo", asVersioned, undo.get().content());
                if (runScript(db, List.of(migrationsDir, forwardDir, undoDir), undo.get().fileName(), problems)) {
                    try (Connection c = db.connect()) {
                        describeDiff(dialect.reader().read(c), current, "after undo " + undo.get().fileName(), problems);
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("self-check database error: " + e.getMessage());
            return new Result(problems, List.of());
        }
        return new Result(problems, notes);
    }

    static boolean runScript(ScratchDatabase db, List<Path> locations, String name, List<String> problems) {
        try {
            MigrationReplayer.migrate(db, locations);
            return true;
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            problems.add(name + " failed on the sample database: " + t.getMessage());
            return false;
        }
    }

    private static void describeDiff(Schema actual, Schema expected, String when, List<String> problems) {
        Diff diff = new SchemaComparator().compare(actual, expected, RenameHints.none());
        diff.operations().forEach(op -> problems.add(when + ", schema still differs: " + op.describe()));
    }

    private static void compareCounts(Map<String, Long> before, Map<String, Long> after, List<Operation> ops, List<String> problems) {
        for (Map.Entry<String, Long> e : before.entrySet()) {
            String name = e.getKey();
            boolean dropped = false;
            for (Operation op : ops) {
                if (op instanceof RenameTable r && r.from().equals(name)) {
                    name = r.to();
                } else if (op instanceof DropTable d && d.table().equals(name)) {
                    dropped = true;
                }
            }
            if (!dropped && !e.getValue().equals(after.get(name))) {
                problems.add("table " + name + " had " + e.getValue() + " sample rows before the script and "
                        + after.get(name) + " after");
            }
        }
    }

    static Path writeScript(ScratchDatabase db, String folder, String fileName, String content) {
        try {
            Path dir = Files.createDirectories(db.directory().resolve(folder));
            Files.writeString(dir.resolve(fileName), content, StandardCharsets.UTF_8);
            io.quarkiverse.flywayautogen.core.render.ScriptConfig.writeBeside(dir.resolve(fileName), content);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write self-check script", e);
        }
    }
}
