package io.quarkiverse.flywayautogen.core.bench;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.model.TypeRules;
import io.quarkiverse.flywayautogen.core.compare.Diff;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.render.ScriptRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times diff + plan + render on synthetic schemas of 100, 500 and 1000 tables (8 columns, an index, a unique, a
 * check, foreign keys in groups of ten). The desired side adds a column to every 10th table and tightens a column
 * (on SQLite a rebuild of the table and its children) in every 25th. Migration replay (for PostgreSQL into a shadow
 * database on the server, read back through pg_catalog) is timed separately.
 * Not a test: run with bench/autogen-diff.sh [sqlite|postgresql|mariadb].
 */
public final class DiffBenchmark {

    private static final int[] SIZES = {100, 500, 1000};

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        // any registered dialect by name (a server dialect's shadow server from -Dflyway-autogen.shadow-url or the environment)
        Dialect dialect = Dialects.require(args.length > 0 ? args[0] : "sqlite");
        System.out.println("dialect " + dialect.name());
        TypeRules types = dialect.types();
        long[] medians = new long[SIZES.length];
        // Warm the JIT on every size first: measured in size order, the smallest size would otherwise run on
        // half-compiled code and the ratio would measure the JIT rather than the engine's growth.
        for (int n : SIZES) {
            Schema current = synthetic(types, n, false);
            Schema desired = synthetic(types, n, true);
            for (int r = 0; r < 5; r++) {
                Diff diff = new SchemaComparator().compare(current, desired, RenameHints.none());
                ScriptRenderer.render("V2__warmup.sql", diff.operations(), diff.warnings(), dialect.planner().plan(current, diff.operations()));
            }
        }
        for (int s = 0; s < SIZES.length; s++) {
            int n = SIZES[s];
            Schema current = synthetic(types, n, false);
            Schema desired = synthetic(types, n, true);
            long[] runs = new long[7];
            int ops = 0;
            int bytes = 0;
            for (int r = 0; r < runs.length + 3; r++) { // and 3 more per size
                long start = System.nanoTime();
                Diff diff = new SchemaComparator().compare(current, desired, RenameHints.none());
                List<io.quarkiverse.flywayautogen.core.dialect.Statement> statements = dialect.planner().plan(current, diff.operations());
                String script = ScriptRenderer.render("V2__bench.sql", diff.operations(), diff.warnings(), statements);
                long elapsed = System.nanoTime() - start;
                if (r >= 3) {
                    runs[r - 3] = elapsed;
                }
                ops = diff.operations().size();
                bytes = script.length();
            }
            Arrays.sort(runs);
            medians[s] = runs[runs.length / 2];
            long[] replay = replayMillis(dialect, current);
            System.out.printf("%5d tables: diff+plan+render %7.1f ms (median of %d; %d ops, %d bytes of SQL); migration replay %d ms"
                    + " (Flyway into the scratch database %d ms, reading it %d ms)%n",
                    n, medians[s] / 1e6, runs.length, ops, bytes, replay[0] + replay[1], replay[0], replay[1]);
        }
        System.out.printf("ratio time(1000)/time(100) = %.1f (target <= 12); 500 tables %s 1 s%n",
                (double) medians[2] / medians[0], medians[1] < 1_000_000_000L ? "under" : "OVER");
    }

    static Schema synthetic(TypeRules types, int n, boolean changed) {
        String yes = types.type("boolean").canonical().equals("boolean") ? "true" : "1";
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("t%04d", i);
            List<Column> cols = new ArrayList<>(List.of(
                    new Column("id", types.type("integer"), false, null),
                    new Column("name", types.type("varchar(255)"), false, null),
                    new Column("code", types.type("varchar(40)"), true, null),
                    new Column("amount", types.type("numeric(10,2)"), true, "0"),
                    new Column("created_at", types.type("timestamp"), false, "CURRENT_TIMESTAMP"),
                    new Column("active", types.type("boolean"), false, yes),
                    new Column("note", types.type("text"), changed && i % 25 == 7 ? false : true,
                            changed && i % 25 == 7 ? "''" : null)));
            List<ForeignKey> fks = new ArrayList<>();
            if (i % 10 != 0) {
                cols.add(new Column("parent_id", types.type("integer"), true, null));
                fks.add(new ForeignKey(null, List.of("parent_id"), String.format("t%04d", i - i % 10), List.of("id"), "CASCADE"));
            }
            if (changed && i % 10 == 3) {
                cols.add(new Column("extra", types.type("varchar(20)"), true, null));
            }
            tables.add(new Table(name, cols, new PrimaryKey(null, List.of("id")),
                    List.of(new UniqueConstraint("uq_" + name + "_code", List.of("code"))),
                    List.of(new Index("ix_" + name + "_name", List.of("name"), false)), fks,
                    List.of(new CheckConstraint("ck_" + name + "_amount", "amount>=0"))));
        }
        return Schema.of(tables);
    }

    /** Flyway's replay (scratch database created) and the schema read, in milliseconds. */
    private static long[] replayMillis(Dialect dialect, Schema schema) throws Exception {
        Path dir = Files.createTempDirectory("bench-migrations-");
        List<Operation> creates = new ArrayList<>();
        io.quarkiverse.flywayautogen.core.compare.TableOrder.parentsFirst(schema.tables()).forEach(t -> creates.add(new CreateTable(t)));
        List<io.quarkiverse.flywayautogen.core.dialect.Statement> statements = dialect.planner().plan(Schema.of(List.of()), creates);
        Files.writeString(dir.resolve("V1__init.sql"), ScriptRenderer.render("V1__init.sql", List.of(), List.of(), statements));
        long start = System.nanoTime();
        MigrationReplayer.Replay replay = new MigrationReplayer(dialect).replay(dir);
        long replayed = System.nanoTime();
        try (var db = replay.database(); Connection c = db.connect()) {
            Schema read = dialect.reader().read(c);
            if (read.tables().size() != schema.tables().size()) {
                throw new IllegalStateException("replay lost tables");
            }
            return new long[]{(replayed - start) / 1_000_000, (System.nanoTime() - replayed) / 1_000_000};
        }
    }
}
