package io.quarkiverse.flywayautogen.core.bench;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.compare.TableOrder;
import io.quarkiverse.flywayautogen.core.current.ReplayCacheSettings;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.HibernateSchemaReader;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.render.ScriptRenderer;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dev loop on an application of real size: N entities (a name, a code, an amount, a flag, a many-to-one to the
 * first entity of their group of ten) whose schema M migrations built, a few tables each. One entity gains a field,
 * and the engine compares, plans and self-checks (Hibernate included) as a dev-mode reload does: first with an empty
 * replay cache, then again with the cache warm. Prints
 * {@code reload <N> tables <M> migrations <dialect>: first <ms> ms, warm <ms> ms} and where the warm time goes.
 * Not a test: run with bench/autogen-diff.sh [sqlite|postgresql|mariadb].
 */
public final class ReloadBenchmark {

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        // the self-check's split by phase (its debug line), printed under each run's figures
        java.util.logging.Logger phases = java.util.logging.Logger.getLogger("io.quarkiverse.flywayautogen.core.selfcheck");
        phases.setLevel(java.util.logging.Level.FINE);
        phases.setUseParentHandlers(false);
        phases.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                System.out.println("  " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        Dialect dialect = Dialects.require(args.length > 0 ? args[0] : "sqlite",
                io.quarkiverse.flywayautogen.core.dialect.DevDatabase.configured());
        long[] warm100 = run(dialect, 100, 30);
        long[] warm1000 = run(dialect, 1000, 300);
        System.out.printf("warm(1000)/warm(100) = %.1f (target <= 4)%n", (double) warm1000[1] / warm100[1]);
    }

    /** {first, warm} in milliseconds. */
    private static long[] run(Dialect dialect, int tables, int migrations) throws Exception {
        Path work = Files.createTempDirectory("bench-reload-");
        try {
            ClassLoader before = compile(work.resolve("before"), tables, -1, null);
            ClassLoader after = compile(work.resolve("after"), tables, 3, work.resolve("before"));
            Path folder = Files.createDirectories(work.resolve("db/migration"));
            EntitySet beforeEntities = EntitySet.snakeCase(classes(before, tables), before);
            writeMigrations(dialect, beforeEntities, folder, migrations);
            EntitySet changed = EntitySet.snakeCase(classes(after, tables), after);
            changed.metadata(dialect); // built once per reload in dev mode too, before the comparison
            AutogenOptions options = AutogenOptions.defaults().withWrite(false)
                    .withReplayCache(ReplayCacheSettings.in(work.resolve("cache")));
            long[] times = new long[2];
            AutogenResult result = null;
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                result = new Autogenerate(dialect).generate(changed, folder, options);
                times[round] = (System.nanoTime() - start) / 1_000_000;
                if (result.operations().size() != 1) {
                    throw new IllegalStateException("expected one added column, got " + result.operations());
                }
                if (round == 0 && dialect.name().equals("postgresql")) {
                    // dev mode makes the spare copies of the kept states while the developer edits; the benchmark
                    // waits for them in that pause, outside both timings, and says how long
                    System.out.printf("  between the runs: waited %d ms for the spare copies (the developer's pause)%n",
                            io.quarkiverse.flywayautogen.core.postgresql.SpareCopies.awaitReady(120_000));
                }
            }
            System.out.printf("reload %d tables %d migrations %s: first %d ms, warm %d ms%n", tables, migrations,
                    dialect.name(), times[0], times[1]);
            System.out.printf("  warm: replay %d ms (%s), read + diff + plan %d ms, self-check %d ms%n",
                    result.replayMillis(), result.replaySummary(), result.diffMillis(),
                    times[1] - result.replayMillis() - result.diffMillis());
            if (dialect.name().equals("postgresql")) {
                // the warm run may have waited for the spare copy the first run started (counted in warm)
                System.out.println("  warm replay database: " + io.quarkiverse.flywayautogen.core.postgresql.SpareCopies.lastTake());
            }
            return times;
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The schema of the entities, as {@code count} migrations that create a few tables each, parents first. */
    private static void writeMigrations(Dialect dialect, EntitySet entities, Path folder, int count) throws IOException {
        Schema schema = new HibernateSchemaReader(AutogenOptions.defaults().naming(), dialect.types(), dialect.identifierCase())
                .read(entities.metadata(dialect));
        List<Table> ordered = TableOrder.parentsFirst(schema.tables());
        List<Table> created = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            List<Operation> creates = new ArrayList<>();
            for (int t = m * ordered.size() / count; t < (m + 1) * ordered.size() / count; t++) {
                creates.add(new CreateTable(ordered.get(t)));
            }
            String name = "V" + (m + 1) + "__create_" + (m + 1) + ".sql";
            Files.writeString(folder.resolve(name), ScriptRenderer.render(name, creates, List.of(),
                    dialect.planner().plan(Schema.of(List.copyOf(created)), creates)));
            creates.forEach(op -> created.add(((CreateTable) op).definition()));
        }
    }

    private static List<Class<?>> classes(ClassLoader loader, int count) throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            classes.add(Class.forName(entityName(i), false, loader));
        }
        return classes;
    }

    private static String entityName(int i) {
        return String.format("bench.entities.E%04d", i);
    }

    /**
     * Entity classes E0000..; with {@code changedIndex} only that one, with an extra field, compiled against the
     * classes in {@code base} and loaded ahead of them.
     */
    private static ClassLoader compile(Path dir, int count, int changedIndex, Path base) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/bench/entities"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (changedIndex >= 0 && i != changedIndex) {
                continue;
            }
            String simple = String.format("E%04d", i);
            String parent = String.format("E%04d", i - i % 10);
            StringBuilder java = new StringBuilder("package bench.entities;\n\nimport jakarta.persistence.*;\n\n")
                    .append("@Entity\npublic class ").append(simple).append(" {\n")
                    .append("    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;\n")
                    .append("    @Column(nullable = false) public String name;\n")
                    .append("    @Column(length = 40, unique = true) public String code;\n")
                    .append("    @Column(precision = 10, scale = 2) public java.math.BigDecimal amount;\n")
                    .append("    public boolean active;\n");
            if (i % 10 != 0) {
                java.append("    @ManyToOne public ").append(parent).append(" parent;\n");
            }
            if (i == changedIndex) {
                java.append("    @Column(length = 20) public String extra;\n");
            }
            Path file = sources.resolve(simple + ".java");
            Files.writeString(file, java.append("}\n"));
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("java.class.path") + (base == null ? "" : java.io.File.pathSeparator + base.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-nowarn", "-proc:none", "-d", classes.toString(), "-cp", classpath));
        arguments.addAll(files);
        if (javac.run(null, null, System.err, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("cannot compile the benchmark's entities");
        }
        List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
        if (base != null) {
            urls.add(base.resolve("classes").toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ReloadBenchmark.class.getClassLoader());
    }
}
