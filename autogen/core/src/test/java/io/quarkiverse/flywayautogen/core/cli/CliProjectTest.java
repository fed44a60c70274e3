package io.quarkiverse.flywayautogen.core.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the CLI's tests share: a throwaway project (a class folder holding compiled test entities, a migrations
 * folder) and one run of {@link Main} with its exit code, standard output and standard error.
 */
abstract class CliProjectTest {

    protected Path root;
    protected Path classes;
    protected Path migrations;
    protected final ByteArrayOutputStream out = new ByteArrayOutputStream();
    protected final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createProject() throws Exception {
        root = Files.createTempDirectory("autogen-cli-");
        classes = root.resolve("classes");
        migrations = Files.createDirectories(root.resolve("migration"));
    }

    @AfterEach
    void deleteProject() throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The compiled classes of one test package (e.g. a scenario's entities) into the project's class folder. */
    protected void copyClasses(String packageDir) throws Exception {
        Path testClasses = Path.of(CliProjectTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = Files.createDirectories(classes.resolve(packageDir));
        try (Stream<Path> files = Files.list(testClasses.resolve(packageDir))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }

    /** The database options every command of the test gets; SQLite unless a test says otherwise. */
    protected String[] dialectArgs() {
        return new String[] {"--dialect", "sqlite"};
    }

    protected int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** {@code command} on this project's classes and migrations, with {@link #dialectArgs()} and {@code extra}. */
    protected String[] args(String command, String... extra) {
        return Stream.of(new String[] {command, "--classpath", classes.toString(), "--migrations", migrations.toString()},
                dialectArgs(), extra).flatMap(Stream::of).toArray(String[]::new);
    }
}
