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
    /** Whether the replayed database is the caller's to throw away after the check (see {@link #onSpareReplay}). */
    private final boolean spareReplay;

    public SelfCheck(Dialect dialect) {
        this(dialect, false);
    }

    private SelfCheck(Dialect dialect, boolean spareReplay) {
        this.dialect = dialect;
        this.spareReplay = spareReplay;
    }

    /**
     * A check that may change the replayed database it is given, because the caller only closes it afterwards: the
     * Hibernate part, which runs last, then runs on it instead of on a copy. Copying a database of a thousand tables
     * is what a warm comparison on PostgreSQL spends most on ({@code CREATE DATABASE ... TEMPLATE}).
     */
    public SelfCheck onSpareReplay() {
        return new SelfCheck(dialect, true);
    }

    /**
     * Problems found (empty when the script passed; each refuses it), notes about the sample rows, and what the
     * check could not prove because it could not build a sample for it ("self-check could not build a sample for
     * X: ..."): warnings for the user, never a refusal.
     */
    public record Result(List<String> problems, List<String> notes, List<String> unsampled,
                         List<PreviousReleaseFailure> previousReleaseFailures) {
        public Result {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
            unsampled = List.copyOf(unsampled);
            previousReleaseFailures = List.copyOf(previousReleaseFailures);
        }

        public Result(List<String> problems, List<String> notes, List<String> unsampled) {
            this(problems, notes, unsampled, List.of());
        }

        public Result(List<String> problems, List<String> notes) {
            this(problems, notes, List.of());
        }

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
        PhaseTimes times = new PhaseTimes();
        SampleScope scope = SampleScope.of(current, expected, operations);
        Result onRows = verifyOnSampleRows(replayed, migrationsDir, current, expected, operations, forward, undo, scope, times);
        times.done("undo check and dropping the sample copy");
        if (!onRows.passed()) {
            times.log("self-check of " + forward.fileName() + " (failed)");
            return onRows;
        }
        List<String> unsampled = new ArrayList<>(onRows.unsampled());
        List<String> problems = new ArrayList<>(NotNullProof.verify(dialect, replayed, migrationsDir, current, expected,
                operations, forward, unsampled));
        times.done("NOT NULL proofs");
        if (problems.isEmpty() && entities.isPresent()) {
            // on the migrated schema without sample rows, as the application meets it: sample ids would collide
            // with the ones Hibernate's generators hand out
            // every copy above was made before this, so the replay itself is free to take the script now
            ScratchDatabase db = spareReplay ? replayed : replayed.copy("hibernate");
            try {
                Path forwardDir = writeScript(db, "forward", forward);
                if (runScript(db, List.of(migrationsDir, forwardDir), forward.fileName(), problems)) {
                    times.done(spareReplay ? "script for Hibernate (on the replay)" : "copy and script for Hibernate");
                    EntitySet checked = HibernateScope.of(entities.get(), entities.get().metadata(dialect), operations)
                            .orElse(entities.get());
                    problems.addAll(HibernateAgreement.verify(dialect, checked, db, unsampled));
                    times.done("Hibernate (" + checked.classes().size() + " of " + entities.get().classes().size() + " entities)");
                }
            } finally {
                if (db != replayed) {
                    db.close();
                }
            }
        }
        times.log("self-check of " + forward.fileName());
        return new Result(problems, onRows.notes(), unsampled, onRows.previousReleaseFailures());
    }

    private Result verifyOnSampleRows(ScratchDatabase replayed, Path migrationsDir, Schema current, Schema expected,
                                      List<Operation> operations, Script forward, Optional<Script> undo,
                                      SampleScope scope, PhaseTimes times) {
        Schema sampled = scope.restrict(current);
        List<String> problems = new ArrayList<>();
        List<PreviousReleaseFailure> previousRelease = new ArrayList<>();
        List<String> notes;
        try (ScratchDatabase db = replayed.copy("selfcheck")) {
            Map<String, Long> before;
            times.done("copy");
            try (Connection c = db.connect()) {
                notes = SampleRows.insert(c, sampled, expected, dialect);
                before = RowCounts.count(c, sampled, dialect);
            }
            times.done("sample rows (" + sampled.tables().size() + " of " + current.tables().size() + " tables)");
            Path forwardDir = writeScript(db, "forward", forward);
            Optional<RuntimeException> failure = tryScript(db, List.of(migrationsDir, forwardDir));
            times.done("script");
            if (failure.isPresent() && SampleFailures.violatesSampleValue(dialect, failure.get())) {
                // a CHECK or unique constraint the script adds refuses a made-up value: the rows are at fault, and
                // whether the user's rows pass is theirs to know; the script itself is tried on empty tables
                String why = "its sample rows break a constraint it adds (" + rootMessage(failure.get())
                        + "), so it was checked on empty tables only";
                return verifyOnEmptyTables(replayed, migrationsDir, expected, forward, undo, sampled, current, notes,
                        SampleFailures.cannotBuild(forward.fileName(), why));
            }
            if (failure.isPresent()) {
                problems.add(forward.fileName() + " failed on the sample database: " + rootMessage(failure.get()));
                return new Result(problems, notes);
            }
            try (Connection c = db.connect()) {
                // the whole schema, not only the scope's tables: a script that changes another table by mistake
                // must show it without rows
                Schema after = dialect.reader().read(c);
                times.done("read back");
                describeDiff(after, expected, "after " + forward.fileName(), problems);
                times.done("diff");
                Map<String, Long> afterCounts = RowCounts.count(c, scope.restrict(after), dialect);
                compareCounts(before, afterCounts, operations, problems);
                dialect.foreignKeyViolations(c).forEach(v -> problems.add("foreign key violation after the script: " + v));
                times.done("row counts and foreign keys");
                if (problems.isEmpty()) {
                    previousRelease.addAll(PreviousReleaseWorkload.run(c, sampled, expected, dialect));
                }
                times.done("previous release's workload");
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
        return new Result(problems, notes, List.of(), previousRelease);
    }

    /** Without sample rows: the schema must still come out as expected, and the undo must bring back the current one. */
    private Result verifyOnEmptyTables(ScratchDatabase replayed, Path migrationsDir, Schema expected, Script forward,
                                       Optional<Script> undo, Schema sampled, Schema current, List<String> notes,
                                       String unsampled) {
        List<String> problems = new ArrayList<>();
        List<PreviousReleaseFailure> previousRelease = new ArrayList<>();
        try (ScratchDatabase db = replayed.copy("selfcheck-empty")) {
            Path forwardDir = writeScript(db, "forward", forward);
            if (runScript(db, List.of(migrationsDir, forwardDir), forward.fileName(), problems)) {
                try (Connection c = db.connect()) {
                    describeDiff(dialect.reader().read(c), expected, "after " + forward.fileName(), problems);
                    if (problems.isEmpty()) {
                        previousRelease.addAll(PreviousReleaseWorkload.run(c, sampled, expected, dialect));
                    }
                }
                if (undo.isPresent() && problems.isEmpty()) {
                    Path undoDir = writeScript(db, "undo", "V999999999__undo_check.sql", undo.get().content());
                    if (runScript(db, List.of(migrationsDir, forwardDir, undoDir), undo.get().fileName(), problems)) {
                        try (Connection c = db.connect()) {
                            describeDiff(dialect.reader().read(c), current, "after undo " + undo.get().fileName(), problems);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("self-check database error: " + e.getMessage());
        }
        return new Result(problems, notes, List.of(unsampled), previousRelease);
    }

    static boolean runScript(ScratchDatabase db, List<Path> locations, String name, List<String> problems) {
        Optional<RuntimeException> failure = tryScript(db, locations);
        failure.ifPresent(e -> problems.add(name + " failed on the sample database: " + rootMessage(e)));
        return failure.isEmpty();
    }

    /**
     * Runs Flyway over {@code locations} on {@code db}, a copy of the replay of the first location (the migrations
     * folder); the failure, if any.
     */
    static Optional<RuntimeException> tryScript(ScratchDatabase db, List<Path> locations) {
        try {
            MigrationReplayer.migrateOnTop(db, locations);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
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

    /** The script and those following it (the safe rollout form's second script), each with its configuration. */
    static Path writeScript(ScratchDatabase db, String folder, Script script) {
        Path dir = null;
        for (Script s : script.withFollowing()) {
            dir = writeScript(db, folder, s.fileName(), s.content());
        }
        return dir;
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
