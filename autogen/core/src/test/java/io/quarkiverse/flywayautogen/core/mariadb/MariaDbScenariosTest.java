package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.compare.Diff;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import io.quarkiverse.flywayautogen.testsupport.MariaDbTestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenarios on the MariaDB test server ({@link MariaDbTestServer}): each is generated (self-checked in shadow
 * databases with sample rows, Hibernate's validate and persist), applied with Flyway to an application database
 * holding rows, compared with the entities, and where it says so undone.
 */
class MariaDbScenariosTest {

    /** One scenario: migrations in a temp folder, an application database on the server. */
    static final class Scenario implements AutoCloseable {
        final Dialect dialect = MariaDbTestServer.dialect();
        final Path root;
        final Path migrations;
        final ScratchDatabase app;
        final Schema before;

        Scenario(String... beforeMigrations) throws IOException {
            root = Files.createTempDirectory("autogen-mariadb-");
            migrations = Files.createDirectories(root.resolve("migration"));
            for (int i = 0; i < beforeMigrations.length; i++) {
                Files.writeString(migrations.resolve("V" + (i + 1) + "__before.sql"), beforeMigrations[i]);
            }
            app = dialect.newScratchDatabase("app");
            MigrationReplayer.migrate(app, List.of(migrations));
            before = read();
        }

        AutogenResult generate(AutogenOptions options, Class<?>... entities) {
            return new Autogenerate(dialect).generate(List.of(entities), getClass().getClassLoader(), migrations, options);
        }

        AutogenResult generate(Class<?>... entities) {
            return generate(AutogenOptions.defaults().withUndo(true).withMessage("scenario"), entities);
        }

        void apply() {
            MigrationReplayer.migrate(app, List.of(migrations));
        }

        void applyUndo(AutogenResult result) throws IOException {
            Path undo = Files.createDirectories(root.resolve("undo"));
            Files.writeString(undo.resolve("V999__undo.sql"), result.undoScript().orElseThrow().content());
            MigrationReplayer.migrate(app, List.of(migrations, undo));
        }

        Schema read() {
            try (Connection c = app.connect()) {
                return dialect.reader().read(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void assertMatches(Class<?>... entities) {
            Diff diff = new SchemaComparator().compare(read(), ScenarioHarness.desired(dialect, entities), RenameHints.none());
            assertTrue(diff.isEmpty(), () -> "app schema differs from entities: " + diff.operations());
        }

        void assertMatchesBefore() {
            Diff diff = new SchemaComparator().compare(read(), before, RenameHints.none());
            assertTrue(diff.isEmpty(), () -> "schema differs from the before-state: " + diff.operations());
        }

        void sql(String... statements) throws SQLException {
            try (Connection c = app.connect(); Statement st = c.createStatement()) {
                for (String s : statements) {
                    st.execute(s);
                }
            }
        }

        long count(String sql) throws SQLException {
            try (Connection c = app.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws IOException {
            app.close();
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<Class<?>> types(List<Operation> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void emptyFolderGetsV1WithANativeEnumAndAutoIncrementAndNoPhantomDifferenceAfter() throws Exception {
        try (Scenario s = new Scenario()) {
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.nochange.after.Pet.class;
            AutogenResult result = s.generate(pet);
            assertEquals(List.of(CreateTable.class), types(result.operations()));
            String script = result.script().orElseThrow().content();
            assertTrue(script.contains("`species` enum ('CAT','DOG') NOT NULL") || script.contains("`species` enum('CAT','DOG') NOT NULL"), script);
            assertTrue(script.contains("auto_increment"), script);
            s.apply();
            s.assertMatches(pet);
            s.sql("INSERT INTO pet (name, species) VALUES ('Rex', 'DOG')");
            assertTrue(s.generate(pet).operations().isEmpty(), "no phantom difference once applied");
        }
    }

    @Test
    void sequenceIdsGetTheirSequencesAndUndoDropsThem() throws Exception {
        try (Scenario s = new Scenario("CREATE TABLE placeholder (id integer PRIMARY KEY);")) {
            Class<?>[] entities = {io.quarkiverse.flywayautogen.core.corpus.model.ids.Fruit.class,
                    io.quarkiverse.flywayautogen.core.corpus.model.ids.Ticket.class};
            AutogenResult result = s.generate(AutogenOptions.defaults().withUndo(true).withMessage("scenario")
                    .withAllowDestructive(true), entities);
            String script = result.script().orElseThrow().content();
            assertTrue(script.contains("CREATE SEQUENCE `ticket_numbers` START WITH 1000 INCREMENT BY 10"), script);
            assertTrue(script.indexOf("DROP TABLE `placeholder`") > script.lastIndexOf("CREATE"), "the drop runs last: " + script);
            s.apply();
            s.assertMatches(entities);
            assertEquals(1000L, s.count("SELECT NEXTVAL(ticket_numbers)"));
            s.applyUndo(result);
            s.assertMatchesBefore();
        }
    }

    @Test
    void newTablesReferencingEachOtherGetTheirForeignKeysOnceAllExistAndUndoDropsThem() throws Exception {
        try (Scenario s = new Scenario()) {
            Class<?>[] entities = {io.quarkiverse.flywayautogen.core.corpus.model.relations.Owner.class,
                    io.quarkiverse.flywayautogen.core.corpus.model.relations.Pet.class,
                    io.quarkiverse.flywayautogen.core.corpus.model.relations.Course.class,
                    io.quarkiverse.flywayautogen.core.corpus.model.relations.Student.class};
            AutogenResult result = s.generate(entities);
            String script = result.script().orElseThrow().content();
            assertTrue(script.lastIndexOf("CREATE TABLE") < script.indexOf("FOREIGN KEY"), script);
            s.apply();
            s.assertMatches(entities);
            assertTrue(s.generate(entities).operations().isEmpty(), "InnoDB's own foreign key indexes are no difference");
            s.applyUndo(result);
            assertTrue(s.read().tables().isEmpty(), "undo drops every table");
        }
    }

    static final String PET_WITH_CHECK = """
            CREATE TABLE pet (
                id integer AUTO_INCREMENT PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                species VARCHAR(255) NOT NULL CHECK (species IN ('CAT', 'DOG')),
                weight INTEGER
            );
            """;

    @Test
    void varcharWithAColumnCheckBecomesHibernatesNativeEnumKeepingTheRows() throws Exception {
        try (Scenario s = new Scenario(PET_WITH_CHECK)) {
            s.sql("INSERT INTO pet (name, species, weight) VALUES ('Rex', 'DOG', 30), ('Tom', 'CAT', NULL)");
            Class<?> pet = io.quarkiverse.flywayautogen.core.scenarios.nochange.after.Pet.class;
            AutogenResult result = s.generate(AutogenOptions.defaults().withUndo(true).withMessage("scenario")
                    .withAllowDestructive(true), pet);
            s.apply();
            s.assertMatches(pet);
            assertEquals(1L, s.count("SELECT count(*) FROM pet WHERE species = 'CAT'"), "rows survived");
            s.applyUndo(result);
            assertEquals(2L, s.count("SELECT count(*) FROM pet"), "rows survived the undo");
        }
    }

    static final String PET_NULLABLE_WEIGHT = """
            CREATE TABLE pet (
                id integer AUTO_INCREMENT PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                species enum('CAT','DOG') NOT NULL,
                weight INTEGER,
                nickname VARCHAR(255)
            );
            """;

    /**
     * No transactional DDL: the NOT NULL tightening, which fails on the NULL row, runs before the column drop, so the
     * failed script leaves the schema as it was (the drop never ran) and a failed row in Flyway's history.
     */
    @Test
    void tighteningThatFailsOnANullRunsBeforeTheDropSoTheFailedScriptChangedNothing() throws Exception {
        try (Scenario s = new Scenario(PET_NULLABLE_WEIGHT)) {
            Class<?> pet = io.quarkiverse.flywayautogen.core.mariadb.tightened.Pet.class;
            AutogenResult result = s.generate(AutogenOptions.defaults().withMessage("tighten")
                    .withAllowDestructive(true), pet);
            String script = result.script().orElseThrow().content();
            assertTrue(script.contains("Not atomic: MariaDB commits each statement"), script);
            assertTrue(script.indexOf("MODIFY COLUMN `weight`") < script.indexOf("DROP COLUMN `nickname`"), script);
            s.sql("INSERT INTO pet (name, species, weight, nickname) VALUES ('Tom', 'CAT', NULL, 'tommy')");
            assertThrows(RuntimeException.class, s::apply, "a row holds NULL");
            s.assertMatchesBefore();
            assertEquals(1L, s.count("SELECT count(*) FROM flyway_schema_history WHERE success = 0"), "Flyway recorded the failure");
            assertEquals(1L, s.count("SELECT count(*) FROM pet WHERE nickname = 'tommy'"), "the drop never ran");
        }
    }

    /** The corpus' models from an empty folder: every type, check, constraint and mapping Hibernate declares on MariaDB. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"types", "checks", "constraints", "embedded", "clinic", "catalog"})
    void corpusModelFromAnEmptyFolderIsCreatedSelfCheckedAndHasNoPhantomDifference(String model) throws Exception {
        Class<?>[] entities = corpusModel(model);
        try (Scenario s = new Scenario()) {
            AutogenResult result = s.generate(entities);
            assertTrue(result.script().isPresent(), result::toString);
            s.apply();
            s.assertMatches(entities);
            assertTrue(s.generate(entities).operations().isEmpty(), "no phantom difference once applied");
        }
    }

    private static Class<?>[] corpusModel(String model) throws Exception {
        String pkg = "io.quarkiverse.flywayautogen.core.corpus.model." + model;
        Path dir = Path.of(MariaDbScenariosTest.class.getResource("/" + pkg.replace('.', '/')).toURI());
        List<Class<?>> entities = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
                    if (c.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                        entities.add(c);
                    }
                }
            }
        }
        return entities.toArray(Class<?>[]::new);
    }

    @Test
    void autoIncrementKeyMovingToASequenceGeneratorStartsTheSequenceAfterTheRowsIds() throws Exception {
        try (Scenario s = new Scenario("""
                CREATE TABLE fruit (id bigint AUTO_INCREMENT PRIMARY KEY, name varchar(40) UNIQUE, color varchar(255));
                """)) {
            s.sql("INSERT INTO fruit (name) VALUES ('apple'), ('pear')");
            Class<?> fruit = io.quarkiverse.flywayautogen.core.corpus.model.ids.Fruit.class;
            AutogenResult result = s.generate(fruit);
            String script = result.script().orElseThrow().content();
            assertTrue(script.contains("CREATE SEQUENCE `fruit_seq`") && script.contains("RESTART WITH"), script);
            s.apply();
            s.assertMatches(fruit);
            // Hibernate's pooled optimizer takes ids nextval-49 .. nextval: the first block starts after the rows' ids
            assertEquals(52L, s.count("SELECT NEXTVAL(fruit_seq)"));
            s.applyUndo(result);
            s.assertMatchesBefore();
            assertEquals(2L, s.count("SELECT count(*) FROM fruit"));
        }
    }
}
