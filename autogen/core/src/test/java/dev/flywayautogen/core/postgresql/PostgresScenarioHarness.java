package dev.flywayautogen.core.postgresql;

import dev.flywayautogen.core.AutogenOptions;
import dev.flywayautogen.core.AutogenResult;
import dev.flywayautogen.core.Autogenerate;
import dev.flywayautogen.core.compare.Diff;
import dev.flywayautogen.core.compare.SchemaComparator;
import dev.flywayautogen.core.current.MigrationReplayer;
import dev.flywayautogen.core.desired.RenameHints;
import dev.flywayautogen.core.model.Schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scenarios.ScenarioHarness} on PostgreSQL: the before-state built by real migrations in a temp folder, an
 * "application" database on the test server holding rows, the after-state given by entity classes. Generates
 * (self-check included: sample rows, Hibernate validate and persist), applies with Flyway, and offers the
 * assertions: schema equals the entities, undo restores the before-schema.
 */
final class PostgresScenarioHarness implements AutoCloseable {

    final Path migrations;
    final PostgresShadowDatabase app;
    private final PostgresDialect dialect;
    private final Path root;
    private final Schema beforeSchema;

    PostgresScenarioHarness(String... beforeMigrations) throws IOException {
        dialect = PostgresTestServer.dialect();
        root = Files.createTempDirectory("autogen-pg-scenario-");
        migrations = Files.createDirectories(root.resolve("migration"));
        for (int i = 0; i < beforeMigrations.length; i++) {
            Files.writeString(migrations.resolve("V" + (i + 1) + "__before_" + (i + 1) + ".sql"), beforeMigrations[i]);
        }
        app = PostgresShadowDatabase.create(dialect.server(), "app");
        MigrationReplayer.migrate(app, List.of(migrations));
        beforeSchema = readAppSchema();
    }

    PostgresScenarioHarness rows(String... statements) throws SQLException {
        try (Connection c = app.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.executeUpdate(sql);
            }
        }
        return this;
    }

    AutogenResult generate(AutogenOptions options, Class<?>... entities) {
        return new Autogenerate(dialect).generate(List.of(entities), PostgresScenarioHarness.class.getClassLoader(), migrations, options);
    }

    AutogenResult generate(Class<?>... entities) {
        return generate(AutogenOptions.defaults().withUndo(true).withMessage("scenario"), entities);
    }

    void applyToApp() {
        MigrationReplayer.migrate(app, List.of(migrations));
    }

    /** Community Flyway ignores U files: the undo script is run as the next versioned one. */
    void applyUndoToApp(AutogenResult result) throws IOException {
        Path undoDir = Files.createDirectories(root.resolve("undo"));
        Files.writeString(undoDir.resolve("V999__undo.sql"), result.undoScript().orElseThrow().content());
        MigrationReplayer.migrate(app, List.of(migrations, undoDir));
    }

    Schema readAppSchema() {
        try (Connection c = app.connect()) {
            return dialect.reader().read(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void assertAppMatches(Class<?>... entities) {
        Diff diff = new SchemaComparator().compare(readAppSchema(), PostgresReaderRoundTripTest.desired(entities), RenameHints.none());
        assertTrue(diff.isEmpty(), () -> "app schema differs from entities: " + diff.operations());
    }

    void assertAppMatchesBeforeSchema() {
        Diff diff = new SchemaComparator().compare(readAppSchema(), beforeSchema, RenameHints.none());
        assertTrue(diff.isEmpty(), () -> "after undo the schema differs from the before-state: " + diff.operations());
    }

    Object value(String sql) throws SQLException {
        try (Connection c = app.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    long count(String sql) throws SQLException {
        return ((Number) value(sql)).longValue();
    }

    String scriptText(AutogenResult r) {
        return r.script().orElseThrow().content();
    }

    @Override
    public void close() {
        app.close();
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }
}
