package io.quarkiverse.flywayautogen.core.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI end to end: a class folder holding one entity, a migrations folder, exit codes and output. */
class MainTest extends CliProjectTest {

    @BeforeEach
    void setUp() throws Exception {
        copyClasses("io/quarkiverse/flywayautogen/core/scenarios/addcolumn/after");
        Files.writeString(migrations.resolve("V1__init.sql"), "CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL);");
    }

    @Test
    void checkLintsANewHandWrittenDropAsTheGoalDoesUnlessAcknowledgedOrOff() throws Exception {
        assertEquals(Main.IN_SYNC, run(args("generate", "--message", "Add pet details")));
        Files.writeString(migrations.resolve("V3__legacy.sql"), "ALTER TABLE pet ADD COLUMN legacy TEXT;");
        Files.writeString(migrations.resolve("V4__drop_legacy.sql"), "ALTER TABLE pet DROP COLUMN legacy;");
        assertEquals(Main.PENDING, run(args("check")), out + " " + err);
        assertTrue(out.toString().contains("drop-mapped-column"), out.toString());
        assertTrue(out.toString().contains("-- flyway-autogen:allow"), "says how to acknowledge it: " + out);

        assertEquals(Main.IN_SYNC, run(args("check", "--no-lint")), out + " " + err);
        assertEquals(Main.IN_SYNC, run(args("check", "--lint-baseline", "4")), "applied migrations are only reported: " + out);
        assertTrue(out.toString().contains("rollout: "), out.toString());

        Files.writeString(migrations.resolve("V4__drop_legacy.sql"),
                "-- flyway-autogen:allow drop-mapped-column \"no release reads legacy\"\nALTER TABLE pet DROP COLUMN legacy;");
        assertEquals(Main.IN_SYNC, run(args("check")), out + " " + err);
    }

    @Test
    void checkExitsOneWithPendingOperationsThenGenerateWritesThenCheckExitsZero() throws Exception {
        assertEquals(Main.PENDING, run(args("check")));
        assertTrue(out.toString().contains("add column pet.species"), out.toString());

        assertEquals(Main.IN_SYNC, run(args("generate", "--message", "Add pet details", "--undo")));
        assertTrue(out.toString().contains("V2__add_pet_details.sql"), out.toString());
        assertTrue(out.toString().contains("U2__add_pet_details.sql"), out.toString());
        assertTrue(Files.exists(migrations.resolve("V2__add_pet_details.sql")));

        // the new V2 rebuilds pet (SQLite) and adds NOT NULL columns: in sync, but the lint fails it, as the goal does
        assertEquals(Main.PENDING, run(args("check")));
        assertTrue(out.toString().startsWith("in sync"));
        assertTrue(out.toString().contains("break a rolling deployment"), out.toString());
        assertEquals(Main.IN_SYNC, run(args("check", "--no-lint")));
        assertEquals(Main.IN_SYNC, run(args("generate")));
        assertEquals("no changes", out.toString().trim());
    }

    @Test
    void namingStrategyJavaKeepsFieldNamesUnsplitAsQuarkusDoes() {
        assertEquals(Main.PENDING, run(args("check")));
        assertTrue(out.toString().contains("add column pet.registered_at"), out.toString());
        assertEquals(Main.PENDING, run(args("check", "--naming-strategy", "java")));
        // names keep the mapping's case, as Hibernate's validation looks them up: a case-only difference is a rename
        assertTrue(out.toString().contains("rename table pet to Pet"), out.toString());
        assertTrue(out.toString().contains("add column Pet.registeredAt"), out.toString());
        assertEquals(Main.ERROR, run(args("check", "--naming-strategy", "com.example.Missing")));
        assertTrue(err.toString().startsWith("error: "), err.toString());
    }

    @Test
    void generateTwiceFromSameInputsIsByteIdentical() throws Exception {
        assertEquals(Main.IN_SYNC, run(args("generate", "--message", "same")));
        String first = Files.readString(migrations.resolve("V2__same.sql"));
        Files.delete(migrations.resolve("V2__same.sql"));
        assertEquals(Main.IN_SYNC, run(args("generate", "--message", "same")));
        assertEquals(first, Files.readString(migrations.resolve("V2__same.sql")));
    }

    @Test
    void versionSchemeTimestampNamesTheFileAfterTheTimeAndAnUnknownSchemeIsAUsageError() throws Exception {
        String before = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        assertEquals(Main.IN_SYNC, run(args("generate", "--message", "details", "--version-scheme", "timestamp")));
        String written = Path.of(out.toString().trim()).getFileName().toString();
        assertTrue(written.matches("V\\d{14}__details\\.sql"), written);
        assertTrue(written.substring(1, 15).compareTo(before) >= 0, written + " is not before " + before);

        assertEquals(Main.ERROR, run(args("check", "--version-scheme", "weekly")));
        assertTrue(err.toString().startsWith("error: unknown version scheme 'weekly' (expected increment or timestamp)"), err.toString());
    }

    @Test
    void possibleRenameWarningNamesTheRenameOption() throws Exception {
        Files.writeString(migrations.resolve("V2__more.sql"), "ALTER TABLE pet ADD COLUMN nick VARCHAR(255);");
        assertEquals(Main.PENDING, run(args("check")));
        assertTrue(err.toString().contains("declare @RenamedFrom(\"nick\") on the field or pass --rename pet.nick=nickname"),
                err.toString());
    }

    @Test
    void indexForeignKeysFlagAddsTheIndexHibernateLeavesOut() throws Exception {
        classes = root.resolve("fk-classes");
        copyClasses("io/quarkiverse/flywayautogen/core/scenarios/fkindex/simple");
        Files.writeString(migrations.resolve("V1__init.sql"), "CREATE TABLE owner (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL);"
                + "CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL, owner_id INTEGER REFERENCES owner (id));");
        assertEquals(Main.IN_SYNC, run(args("check")), out + " " + err);

        assertEquals(Main.PENDING, run(args("check", "--index-foreign-keys")));
        assertTrue(out.toString().contains("create index ix_pet_owner_id on pet(owner_id)"), out.toString());
        assertEquals(Main.IN_SYNC, run(args("generate", "--index-foreign-keys")));
        assertTrue(Files.readString(migrations.resolve("V2__create_index_ix_pet_owner_id.sql"))
                .contains("CREATE INDEX \"ix_pet_owner_id\" ON \"pet\" (\"owner_id\")"));
        assertEquals(Main.IN_SYNC, run(args("check", "--index-foreign-keys")), out.toString());
    }

    @Test
    void beanValidationNotNullIsAPendingChangeUnlessTurnedOff() throws Exception {
        copyClasses("io/quarkiverse/flywayautogen/core/corpus/model/evolve/bvnotnull/v1");
        assertEquals(Main.IN_SYNC, run(args("generate", "--message", "members")));
        try (Stream<Path> v1 = Files.walk(classes.resolve("io/quarkiverse/flywayautogen/core/corpus/model/evolve/bvnotnull/v1"))) {
            v1.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        copyClasses("io/quarkiverse/flywayautogen/core/corpus/model/evolve/bvnotnull/v2");
        assertEquals(Main.PENDING, run(args("check")));
        assertTrue(out.toString().contains("alter column member.nickname"), "@NotNull with Hibernate Validator on the class path: " + out);
        run(args("check", "--no-bean-validation"));
        assertTrue(!out.toString().contains("member.nickname"), "--no-bean-validation: @NotNull is no schema change: " + out);
    }

    @Test
    void errorsExitTwoWithOneLineMessage() {
        assertEquals(Main.ERROR, run(args("check", "--bogus")));
        assertTrue(err.toString().startsWith("error: unknown option '--bogus'"), err.toString());
        assertEquals(Main.ERROR, run("check", "--classpath", classes.toString(), "--migrations", root.resolve("missing").toString()));
        assertTrue(err.toString().startsWith("error: migrations directory does not exist"), err.toString());
        assertEquals(Main.ERROR, run("frobnicate"));
        assertEquals(Main.ERROR, run(args("check", "--dialect", "oracle")));
        assertTrue(err.toString().contains("unsupported dialect"), err.toString());
    }
}
