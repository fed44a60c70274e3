package io.quarkiverse.flywayautogen.core.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's {@code contract} command after a safe rollout deferred a drop, on a real SQLite file. */
class CliContractTest {

    private Path root;
    private Path classes;
    private Path migrations;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createTempDirectory("autogen-cli-");
        classes = root.resolve("classes");
        migrations = Files.createDirectories(root.resolve("migration"));
        copyClasses("io/quarkiverse/flywayautogen/core/scenarios/dropcolumn/after");
        Files.writeString(migrations.resolve("V1__init.sql"), """
                CREATE TABLE pet (
                    id INTEGER PRIMARY KEY,
                    name VARCHAR(255) NOT NULL,
                    species VARCHAR(255) NOT NULL CHECK (species IN ('CAT', 'DOG')),
                    weight INTEGER
                );
                """);
    }

    @AfterEach
    void tearDown() throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void copyClasses(String packageDir) throws Exception {
        Path testClasses = Path.of(CliContractTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path source = testClasses.resolve(packageDir);
        Path target = Files.createDirectories(classes.resolve(packageDir));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] args(String command, String... extra) {
        String[] base = {command, "--classpath", classes.toString(), "--migrations", migrations.toString(), "--dialect", "sqlite"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void safeGenerateDefersTheDropCheckExpectsItContractWritesIt() throws Exception {
        assertEquals(Main.IN_SYNC, run(args("generate", "--rollout", "safe")), out + " " + err);
        assertEquals("no changes", out.toString().trim());
        assertTrue(err.toString().contains("deferred to the contract step: drop column pet.weight"), err.toString());
        String deferred = Files.readString(migrations.resolve("flyway-autogen-deferred.txt"));
        assertTrue(deferred.contains("column pet.weight | after V1 |"), deferred);
        assertEquals(Main.IN_SYNC, run(args("check")), "the deferred drop is expected: " + out + " " + err);

        assertEquals(Main.IN_SYNC, run(args("contract")), out + " " + err);
        assertTrue(out.toString().trim().endsWith("V2__contract_drop_column_pet_weight.sql"), out.toString());
        String contract = Files.readString(migrations.resolve("V2__contract_drop_column_pet_weight.sql"));
        assertTrue(contract.contains("drop column pet.weight"), contract);
        assertTrue(!Files.readString(migrations.resolve("flyway-autogen-deferred.txt")).contains("pet.weight"));
        assertEquals(Main.IN_SYNC, run(args("check")), "in sync, and the contract acknowledges its drop: " + out + " " + err);
        assertEquals(Main.IN_SYNC, run(args("contract")));
        assertEquals("nothing deferred to drop", out.toString().trim());
    }
}
