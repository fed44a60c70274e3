package io.quarkiverse.flywayautogen.core;

import io.quarkiverse.flywayautogen.core.compare.Diff;
import io.quarkiverse.flywayautogen.core.compare.NotNullRule;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.current.ReplayedModels;
import io.quarkiverse.flywayautogen.core.desired.ColumnOrigins;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectPlanner;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.ForeignKeyIndexes;
import io.quarkiverse.flywayautogen.core.desired.IdentityConflicts;
import io.quarkiverse.flywayautogen.core.desired.HibernateSchemaReader;
import io.quarkiverse.flywayautogen.core.desired.RenameHintReader;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.IrreversibleOperation;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.SchemaChanges;
import io.quarkiverse.flywayautogen.core.render.ChangeSummary;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.core.render.ScriptConfig;
import io.quarkiverse.flywayautogen.core.render.ScriptRenderer;
import io.quarkiverse.flywayautogen.core.rollout.DeferredDrop;
import io.quarkiverse.flywayautogen.core.rollout.DeferredDrops;
import io.quarkiverse.flywayautogen.core.rollout.SafeFormVerdicts;
import io.quarkiverse.flywayautogen.core.rollout.SafeRenames;
import io.quarkiverse.flywayautogen.core.rollout.ContractStep;
import io.quarkiverse.flywayautogen.core.rollout.SafePlan;
import io.quarkiverse.flywayautogen.core.rollout.OperationVerdict;
import io.quarkiverse.flywayautogen.core.rollout.RolloutAssessment;
import io.quarkiverse.flywayautogen.core.rollout.TableSizes;
import io.quarkiverse.flywayautogen.core.selfcheck.SelfCheck;
import org.hibernate.boot.Metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The engine's entry point: entities + migrations folder in, migration script(s) out. Prints nothing and never
 * exits: the CLI and the Quarkus extension decide how to report. Failures are {@link AutogenException}s whose
 * message says what to do.
 */
public final class Autogenerate {

    private final Dialect dialect;
    private final DialectPlanner planner;
    private final Clock clock;
    private final TableSizes tableSizes;

    public Autogenerate(Dialect dialect) {
        this(dialect, Clock.systemUTC());
    }

    /** {@code clock}: the time the timestamp version scheme reads. */
    public Autogenerate(Dialect dialect, Clock clock) {
        this(dialect, clock, TableSizes.unknown());
    }

    private Autogenerate(Dialect dialect, Clock clock, TableSizes tableSizes) {
        this.dialect = dialect;
        this.planner = dialect.planner();
        this.clock = clock;
        this.tableSizes = tableSizes;
    }

    /** The same engine, reading table sizes (a SQLite rebuild's cost in the rollout verdicts) from the dev database. */
    public Autogenerate withTableSizes(TableSizes sizes) {
        return new Autogenerate(dialect, clock, sizes);
    }

    /**
     * By name ({@code sqlite}), as {@code quarkus.datasource.db-kind} or {@code --dialect} give it, with the shadow
     * server of the system properties or environment ({@link DevDatabase#configured()}).
     */
    public static Autogenerate forDialect(String dialect) {
        return forDbKind(dialect, DevDatabase.configured());
    }

    /**
     * The engine for a db-kind, comparing on {@code devDatabase} when the dialect is a server's: the one factory dev
     * mode, the Maven goals and the CLI make their engines with (through
     * {@link io.quarkiverse.flywayautogen.core.settings.AutogenSettings#engine}).
     */
    public static Autogenerate forDbKind(String dbKind, Optional<DevDatabase> devDatabase) {
        return new Autogenerate(Dialects.require(dbKind, devDatabase));
    }

    public Dialect dialect() {
        return dialect;
    }

    public AutogenResult generate(Collection<Class<?>> entities, ClassLoader loader, Path migrationsDir, AutogenOptions options) {
        return generate(EntitySet.snakeCase(entities, loader), migrationsDir, options);
    }

    public AutogenResult check(Collection<Class<?>> entities, ClassLoader loader, Path migrationsDir, AutogenOptions options) {
        return check(EntitySet.snakeCase(entities, loader).metadata(dialect), migrationsDir, options);
    }

    /** As {@link #generate(Metadata, Path, AutogenOptions)}, and the self-check also has Hibernate validate and persist. */
    public AutogenResult generate(EntitySet entities, Path migrationsDir, AutogenOptions options) {
        return EngineLogs.quietly(() -> generate(entities.metadata(dialect), Optional.of(entities), migrationsDir, options));
    }

    public AutogenResult check(EntitySet entities, Path migrationsDir, AutogenOptions options) {
        return EngineLogs.quietly(() -> check(entities.metadata(dialect), migrationsDir, options));
    }

    /** Every pending operation, destructive ones included; writes nothing. */
    public AutogenResult check(Metadata metadata, Path migrationsDir, AutogenOptions options) {
        return EngineLogs.quietly(() -> pending(metadata, migrationsDir, options));
    }

    private AutogenResult pending(Metadata metadata, Path migrationsDir, AutogenOptions options) {
        IdentityConflicts.check(metadata, dialect.types());
        MigrationReplayer.Replay replay = new MigrationReplayer(dialect).replay(migrationsDir, options.replayCache());
        try (ScratchDatabase db = replay.database()) {
            long start = System.nanoTime();
            ReplayedModels.Model model = ReplayedModels.read(replay, () -> readModel(db));
            Schema current = model.schema();
            Diff diff = expected(diff(metadata, model, options), current, migrationsDir);
            return new AutogenResult(diff.operations(), List.of(), diff.warnings(), Optional.empty(), Optional.empty(),
                    List.of(), replay.elapsedMillis(), (System.nanoTime() - start) / 1_000_000, replay.replayed(),
                    replay.fromCache(), RolloutAssessment.assess(dialect, current, diff.operations(), tableSizes));
        }
    }

    /** Without the entity classes, so without the Hibernate part of the self-check. */
    public AutogenResult generate(Metadata metadata, Path migrationsDir, AutogenOptions options) {
        return EngineLogs.quietly(() -> generate(metadata, Optional.empty(), migrationsDir, options));
    }

    private AutogenResult generate(Metadata metadata, Optional<EntitySet> entities, Path migrationsDir, AutogenOptions options) {
        IdentityConflicts.check(metadata, dialect.types());
        MigrationReplayer.Replay replay = new MigrationReplayer(dialect).replay(migrationsDir, options.replayCache());
        try (ScratchDatabase db = replay.database()) {
            long start = System.nanoTime();
            ReplayedModels.Model model = ReplayedModels.read(replay, () -> readModel(db));
            Schema current = model.schema();
            Diff diff = expected(diff(metadata, model, options), current, migrationsDir);
            List<Operation> ops = new ArrayList<>();
            List<Operation> skipped = new ArrayList<>();
            List<Warning> warnings = new ArrayList<>(diff.warnings());
            List<Operation> deferring = new ArrayList<>();
            if (options.rollout().safe()) {
                SafeRenames.refuse(diff.operations());
            }
            for (Operation op : diff.operations()) {
                if (options.rollout().safe() && DeferredDrop.of(op, "", "").isPresent()) {
                    deferring.add(op);
                    warnings.add(new Warning(Warning.Kind.DROP_DEFERRED, "deferred to the contract step: " + op.describe()
                            + (options.write() ? " (listed in " + DeferredDrops.FILE_NAME + ")" : "")));
                    ContractStep.relaxedForNewRelease(op).ifPresent(ops::add);
                } else if (op.destructive() && !options.allowDestructive()) {
                    skipped.add(op);
                    warnings.add(new Warning(Warning.Kind.DESTRUCTIVE_SKIPPED,
                            "skipped destructive operation: " + op.describe()));
                } else {
                    ops.add(op);
                }
            }
            if (ops.isEmpty()) {
                String after = MigrationVersion.highestIn(migrationsDir).map(v -> "after V" + v).orElse("before V1");
                deferDrops(migrationsDir, options, deferring, after);
                return new AutogenResult(List.of(), skipped, warnings, Optional.empty(), Optional.empty(), List.of(),
                        replay.elapsedMillis(), (System.nanoTime() - start) / 1_000_000, replay.replayed(),
                        replay.fromCache());
            }
            MigrationVersion version = nextVersion(migrationsDir, options);
            AutogenResult result = migrate(metadata, entities, migrationsDir, options, replay, db, current, version, ops,
                    skipped, warnings, start);
            deferDrops(migrationsDir, options, deferring, "V" + version);
            return result;
        }
    }

    private static void deferDrops(Path migrationsDir, AutogenOptions options, List<Operation> drops, String deferredBy) {
        if (options.write() && !drops.isEmpty()) {
            DeferredDrops.read(migrationsDir).plus(drops.stream()
                    .map(op -> DeferredDrop.of(op, deferredBy, "the entities no longer map it; the previous release still does").orElseThrow())
                    .toList()).write(migrationsDir);
        }
    }

    /** Plans, renders, self-checks and (when asked) writes the migration of {@code ops}. */
    private AutogenResult migrate(Metadata metadata, Optional<EntitySet> entities, Path migrationsDir, AutogenOptions options,
                                  MigrationReplayer.Replay replay, ScratchDatabase db, Schema current, MigrationVersion version,
                                  List<Operation> ops, List<Operation> skipped, List<Warning> warnings, long start) {
            NotNullRule.check(ops, ColumnOrigins.read(metadata));
            warnings.addAll(NotNullRule.tighteningWarnings(ops));
            Schema expected = SchemaChanges.apply(current, ops);
            String message = options.message() == null || options.message().isBlank() ? ChangeSummary.of(ops) : options.message();
            List<OperationVerdict> verdicts = RolloutAssessment.assess(dialect, current, ops, tableSizes);
            if (options.rollout().safe() && planner.planSafe(current, ops, options.rollout()).isPresent()) {
                verdicts = SafeFormVerdicts.of(verdicts);
            }
            Script forward = renderForward(version, message, ops, warnings, verdicts, current, options);
            Optional<Script> undo = options.undo()
                    ? Optional.of(renderUndo(version, message, ops, expected)) : Optional.empty();
            long diffMillis = (System.nanoTime() - start) / 1_000_000;

            SelfCheck.Result check = new SelfCheck(dialect).onSpareReplay().verify(db, migrationsDir, current, expected, ops, forward, undo, entities);
            if (!check.passed()) {
                throw new AutogenException("self-check failed, nothing written:\n  " + String.join("\n  ", check.problems()));
            }
            check.unsampled().forEach(text -> warnings.add(new Warning(Warning.Kind.SAMPLE_NOT_BUILT, text)));
            if (!check.previousReleaseFailures().isEmpty()) {
                check.previousReleaseFailures().forEach(f -> warnings.add(new Warning(Warning.Kind.PREVIOUS_RELEASE_FAILS, f.text())));
                verdicts = RolloutAssessment.withProof(verdicts,
                        check.previousReleaseFailures().stream().map(f -> f.table()).toList(),
                        check.previousReleaseFailures().stream().map(f -> f.text()).toList());
                // the same statements, with the proof in the header for the reviewer
                forward = renderForward(version, message, ops, warnings, verdicts, current, options);
            }
            List<Path> written = options.write() ? write(migrationsDir, forward, undo) : List.of();
            return new AutogenResult(ops, skipped, warnings, Optional.of(forward), undo, written, replay.elapsedMillis(), diffMillis,
                    replay.replayed(), replay.fromCache(), verdicts);
    }

    /**
     * The contract step of a safe rollout: the migration {@code V<next>__contract_...} dropping what
     * {@link DeferredDrops#FILE_NAME} lists, planned, rendered and self-checked as any other (the drops must re-diff
     * to the entities' schema), then the file is emptied. Items the entities map again are only removed from the
     * file. Refused while other changes are pending: generate those first, so that the contract holds only drops.
     */
    public AutogenResult contract(EntitySet entities, Path migrationsDir, AutogenOptions options) {
        return EngineLogs.quietly(() -> contract(entities.metadata(dialect), Optional.of(entities), migrationsDir, options));
    }

    private AutogenResult contract(Metadata metadata, Optional<EntitySet> entities, Path migrationsDir, AutogenOptions options) {
        IdentityConflicts.check(metadata, dialect.types());
        DeferredDrops deferred = DeferredDrops.read(migrationsDir);
        MigrationReplayer.Replay replay = new MigrationReplayer(dialect).replay(migrationsDir, options.replayCache());
        try (ScratchDatabase db = replay.database()) {
            long start = System.nanoTime();
            ReplayedModels.Model model = ReplayedModels.read(replay, () -> readModel(db));
            Schema current = model.schema();
            deferred.requireIn(current, migrationsDir);
            Diff diff = diff(metadata, model, options);
            List<Operation> drops = diff.operations().stream().filter(deferred::expects).toList();
            List<String> pending = diff.operations().stream().filter(op -> !deferred.expects(op)).map(Operation::describe).toList();
            if (!pending.isEmpty()) {
                throw new AutogenException("the contract migration holds only the deferred drops, but other changes are"
                        + " pending: " + String.join("; ", pending) + ". Generate their migration first.");
            }
            if (drops.isEmpty()) {
                if (options.write() && !deferred.isEmpty()) {
                    DeferredDrops.none().write(migrationsDir);
                }
                return new AutogenResult(List.of(), List.of(), diff.warnings(), Optional.empty(), Optional.empty(), List.of(),
                        replay.elapsedMillis(), (System.nanoTime() - start) / 1_000_000, replay.replayed(), replay.fromCache());
            }
            AutogenOptions contractOptions = options.withAllowDestructive(true).withMessage(
                    options.message() == null || options.message().isBlank() ? "contract " + ChangeSummary.of(drops) : options.message());
            List<Warning> warnings = new ArrayList<>(diff.warnings());
            warnings.add(ContractStep.acknowledgement(deferred, drops));
            AutogenResult result = migrate(metadata, entities, migrationsDir, contractOptions, replay, db, current,
                    nextVersion(migrationsDir, options), drops, List.of(), warnings, start);
            if (options.write()) {
                DeferredDrops.none().write(migrationsDir);
            }
            return result;
        }
    }

    /** The scheme's next version, or the one the options fix, which must sort after every file in the folder. */
    private MigrationVersion nextVersion(Path migrationsDir, AutogenOptions options) {
        Optional<MigrationVersion> highest = MigrationVersion.highestIn(migrationsDir);
        if (options.version().isEmpty()) {
            return options.versionScheme().next(highest, clock);
        }
        MigrationVersion fixed = options.version().get();
        if (highest.isPresent() && fixed.compareTo(highest.get()) <= 0) {
            throw new AutogenException("cannot write version " + fixed + " into " + migrationsDir + ": it already holds V"
                    + highest.get() + ", and Flyway would refuse the new file as out of order");
        }
        return fixed;
    }

    /**
     * The diff without the drops {@link DeferredDrops} lists (expected differences until the contract step), after
     * making sure the file lists nothing the schema no longer has.
     */
    private static Diff expected(Diff diff, Schema current, Path migrationsDir) {
        DeferredDrops deferred = DeferredDrops.read(migrationsDir);
        if (deferred.isEmpty()) {
            return diff;
        }
        deferred.requireIn(current, migrationsDir);
        return new Diff(diff.operations().stream().filter(op -> !deferred.expects(op)).toList(), diff.warnings());
    }

    private Diff diff(Metadata metadata, ReplayedModels.Model model, AutogenOptions options) {
        Schema current = model.schema();
        Schema declared = new HibernateSchemaReader(options.naming(), dialect.types(), dialect.identifierCase()).read(metadata);
        RenameHints hints = RenameHintReader.read(metadata).merge(options.renames());
        Schema desired = options.indexForeignKeys()
                ? new ForeignKeyIndexes(options.naming()).addTo(declared, current, hints) : declared;
        Diff diff = new SchemaComparator().compare(current, desired, hints);
        List<Warning> warnings = new ArrayList<>(diff.warnings());
        model.notCompared().forEach(text -> warnings.add(new Warning(Warning.Kind.NOT_COMPARED, text)));
        return new Diff(diff.operations(), warnings);
    }

    private Script renderUndo(MigrationVersion version, String message, List<Operation> ops, Schema expected) {
        List<Operation> reversed = new ArrayList<>();
        try {
            for (Operation op : ops) {
                reversed.add(op.reverse());
            }
        } catch (IrreversibleOperation e) {
            throw new AutogenException("an undo script was asked for (--undo, quarkus.flyway-autogen.undo) but " + e.getMessage());
        }
        Collections.reverse(reversed);
        try {
            NotNullRule.check(reversed, ColumnOrigins.none());
        } catch (AutogenException e) {
            throw new AutogenException("an undo script was asked for (--undo, quarkus.flyway-autogen.undo) but the undo cannot restore existing rows: " + e.getMessage());
        }
        return render('U', version, message, "undo " + message, reversed, List.of(), List.of(), planner.plan(expected, reversed));
    }

    /**
     * The forward migration: the plain plan, or with {@code rollout=safe} the dialect's safe form, whose statements
     * that must run outside a transaction go into a script of their own under the next version, following it.
     */
    private Script renderForward(MigrationVersion version, String message, List<Operation> ops, List<Warning> warnings,
                                 List<OperationVerdict> verdicts, Schema current, AutogenOptions options) {
        Optional<SafePlan> safe = options.rollout().safe()
                ? planner.planSafe(current, ops, options.rollout()) : Optional.empty();
        if (safe.isEmpty()) {
            return render('V', version, message, message, ops, warnings, verdicts, planner.plan(current, ops));
        }
        List<Statement> outside = safe.get().outsideTransaction();
        if (outside.isEmpty()) {
            return render('V', version, message, message, ops, warnings, verdicts, safe.get().inTransaction());
        }
        List<Statement> second = new ArrayList<>();
        second.add(Statement.comment(ScriptConfig.OUTSIDE_TRANSACTION));
        second.addAll(outside);
        List<Operation> secondOps = outside.stream().map(Statement::source).filter(java.util.Objects::nonNull).distinct().toList();
        List<OperationVerdict> secondVerdicts = verdicts.size() == ops.size()
                ? secondOps.stream().map(op -> verdicts.get(ops.indexOf(op))).toList() : List.of();
        String secondMessage = message + " (concurrently)";
        if (safe.get().inTransaction().stream().noneMatch(st -> !st.isComment() && st.source() != null)) {
            // nothing but the timeouts is left for a transaction: the one script runs outside it
            return render('V', version, secondMessage, message, ops, warnings, verdicts, second);
        }
        Script then = render('V', version.next(), secondMessage, message + ", outside a transaction", secondOps,
                List.of(), secondVerdicts, second);
        Script first = render('V', version, message, message, ops, warnings, verdicts, safe.get().inTransaction());
        return new Script(first.fileName(), first.content(), List.of(then));
    }

    private Script render(char prefix, MigrationVersion version, String slugMessage, String title, List<Operation> ops,
                          List<Warning> warnings, List<OperationVerdict> verdicts, List<Statement> statements) {
        String fileName = ScriptRenderer.fileName(prefix, version, slugMessage);
        // a message typed as "Add e-mail:" must not leave the header line hanging
        String header = fileName + " (" + planner.dialectName() + "): " + title.strip().replaceAll("[\\s:;,.-]+$", "");
        return new Script(fileName, ScriptRenderer.render(header, ops, warnings, verdicts, statements));
    }

    private ReplayedModels.Model readModel(ScratchDatabase db) {
        try (Connection c = db.connect()) {
            return new ReplayedModels.Model(dialect.reader().read(c), dialect.reader().notCompared(c));
        } catch (SQLException e) {
            throw new AutogenException("cannot read the replayed schema: " + e.getMessage(), e);
        }
    }

    private static List<Path> write(Path dir, Script forward, Optional<Script> undo) {
        List<Path> written = new ArrayList<>();
        List<Script> scripts = new ArrayList<>(forward.withFollowing());
        undo.ifPresent(scripts::add);
        for (Script s : scripts) {
            Path target = dir.resolve(s.fileName());
            if (Files.exists(target)) {
                throw new AutogenException("refusing to overwrite existing " + target);
            }
        }
        try {
            for (Script s : scripts) {
                Path target = dir.resolve(s.fileName());
                Files.writeString(target, s.content(), StandardCharsets.UTF_8);
                io.quarkiverse.flywayautogen.core.render.ScriptConfig.writeBeside(target, s.content());
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write migration into " + dir, e);
        }
        return written;
    }
}
