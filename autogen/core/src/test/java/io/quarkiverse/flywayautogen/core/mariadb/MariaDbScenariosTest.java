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
}
