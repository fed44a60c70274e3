package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.compare.Diff;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.HibernateSchemaReader;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.Schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scenario on one database: before-state built by real migrations in a temp folder, an "application" database
 * (a SQLite file with foreign keys on, or a database on the PostgreSQL test server) holding rows, the after-state
 * given by entity classes. Generates (self-check included), applies with Flyway, and offers the assertions every
 * scenario makes: schema equals the entities, rows survived, undo restores the before-schema. The corpus checks
 * ({@code corpus.Corpus}) run through it too, with the application's physical naming strategy.
 */
public final class ScenarioHarness implements AutoCloseable {

    public final Path migrations;
    public final ScratchDatabase app;
    public final ScenarioDialect on;
    private final Dialect dialect;
    private final Path root;
    /** Hibernate's physical naming strategy, as the application sets it: camelCase to snake_case by default. */
    private final String naming;
    private Schema beforeSchema;

    /** On SQLite. */
    public ScenarioHarness(String... beforeMigrations) throws IOException {
        this(ScenarioDialect.SQLITE, beforeMigrations);
    }

    public ScenarioHarness(ScenarioDialect on, String... beforeMigrations) throws IOException {
        this(on, org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy.class.getName(), beforeMigrations);
    }

    /**
     * An empty start whose application sets Hibernate's physical naming strategy {@code naming} (a class name), e.g.
     * Hibernate's default of Java names.
     */
    public static ScenarioHarness withNaming(ScenarioDialect on, String naming) throws IOException {
        return new ScenarioHarness(on, naming, new String[0]);
    }

    private ScenarioHarness(ScenarioDialect on, String naming, String[] beforeMigrations) throws IOException {
        this.on = on;
        this.naming = naming;
        dialect = on.dialect();
        root = Files.createTempDirectory("autogen-scenario-");
        migrations = Files.createDirectories(root.resolve("migration"));
        for (int i = 0; i < beforeMigrations.length; i++) {
            Files.writeString(migrations.resolve("V" + (i + 1) + "__before_" + (i + 1) + ".sql"), on.migration(beforeMigrations[i]));
        }
        app = dialect.newScratchDatabase("app");
        MigrationReplayer.migrate(app, List.of(migrations));
        beforeSchema = readAppSchema();
    }

    /** Rows the application wrote before the change. */
    public ScenarioHarness rows(String... inserts) throws SQLException {
        try (Connection c = app.connect(); Statement st = c.createStatement()) {
            for (String sql : inserts) {
                st.executeUpdate(sql);
            }
        }
        return this;
    }

    public AutogenResult generate(AutogenOptions options, Class<?>... entities) {
        return new Autogenerate(dialect).generate(entities(entities), migrations, options);
    }

    /** The entities as the application's Hibernate maps them: its naming strategy, Bean Validation's DDL included. */
    public EntitySet entities(Class<?>... entities) {
        return new EntitySet(List.of(entities), ScenarioHarness.class.getClassLoader(), naming);
    }

    public String naming() {
        return naming;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** From the empty folder the engine writes V1, and Flyway applies it to the application database. */
    public AutogenResult generateFirstMigrationAndApply(Class<?>... entities) {
        AutogenResult result = generate(AutogenOptions.defaults(), entities);
        assertEquals(1, result.written().size(), () -> "one V1 script written, got " + result.written() + "; warnings " + result.warnings());
        String name = result.written().get(0).getFileName().toString();
        assertTrue(name.startsWith("V1__") && name.endsWith(".sql"), name);
        assertTrue(Files.isRegularFile(result.written().get(0)), name);
        applyToApp();
        return result;
    }

    /** The next change with its undo: V{@code version} and U{@code version} written, V applied to the rows. */
    public AutogenResult generateChangeWithUndoAndApply(int version, Class<?>... entities) {
        AutogenResult result = generate(AutogenOptions.defaults().withUndo(true), entities);
        List<String> names = result.written().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(2, names.size(), () -> "V" + version + " and U" + version + " written, got " + names
                + "; operations " + result.operations() + "; skipped " + result.skipped() + "; warnings " + result.warnings());
        assertTrue(names.get(0).startsWith("V" + version + "__"), names.toString());
        assertTrue(names.get(1).startsWith("U" + version + "__"), names.toString());
        applyToApp();
        return result;
    }

    /** The entities the migrations were generated from give no operation, skipped or not, and no file. */
    public void assertNoChanges(Class<?>... entities) {
        List<String> before = migrationFiles();
        AutogenResult again = generate(AutogenOptions.defaults(), entities);
        assertTrue(again.operations().isEmpty() && again.skipped().isEmpty(), () -> "phantom diff for "
                + java.util.Arrays.toString(entities) + ": operations " + again.operations() + ", skipped "
                + again.skipped() + "\n" + again.script().map(s -> s.content()).orElse(""));
        assertTrue(again.written().isEmpty(), () -> "written: " + again.written());
        assertEquals(before, migrationFiles(), "migrations folder unchanged");
    }

    private List<String> migrationFiles() {
        try (var files = Files.list(migrations)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public AutogenResult generate(Class<?>... entities) {
        return generate(AutogenOptions.defaults().withUndo(true).withMessage("scenario"), entities);
    }

    /** Runs Flyway over the migrations folder against the application database, as the app does at start-up. */
    public void applyToApp() {
        MigrationReplayer.migrate(app, List.of(migrations));
    }

    /**
     * Flyway's repair, as a user runs it after a failed migration that ran outside a transaction (a SQLite rebuild):
     * Flyway recorded the failure in its history and refuses to migrate until the record is removed.
     */
    public void repairApp() {
        org.flywaydb.core.Flyway.configure().dataSource(app.jdbcUrl(), app.user(), app.password())
                .locations("filesystem:" + migrations.toAbsolutePath()).load().repair();
    }

    /** Applies the undo script (community Flyway ignores U files, so it is run as the next versioned script). */
    public void applyUndoToApp(AutogenResult result) throws IOException {
        applyUndoToApp(result, 999);
    }

    /** As {@link #applyUndoToApp(AutogenResult)}, the undo script applied as version {@code asVersion}. */
    public void applyUndoToApp(AutogenResult result, int asVersion) throws IOException {
        Path undoDir = Files.createDirectories(root.resolve("undo"));
        String undo = result.undoScript().orElseThrow().content();
        Path script = undoDir.resolve("V" + asVersion + "__undo.sql");
        Files.writeString(script, undo);
        io.quarkiverse.flywayautogen.core.render.ScriptConfig.writeBeside(script, undo);
        MigrationReplayer.migrate(app, List.of(migrations, undoDir));
    }

    /** A new, empty database of the scenario's kind (closed by the caller), e.g. to replay the migrations on. */
    public ScratchDatabase newDatabase(String purpose) {
        return dialect.newScratchDatabase(purpose);
    }

    public Schema readAppSchema() {
        try (Connection c = app.connect()) {
            return dialect.reader().read(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Schema beforeSchema() {
        return beforeSchema;
    }

    /** The schema the entities declare on SQLite. */
    public static Schema desired(Class<?>... entities) {
        return desired(ScenarioDialect.SQLITE.dialect(), entities);
    }

    /** As the engine reads it: Hibernate's metadata for the dialect, snake_case names, the naming convention. */
    public static Schema desired(Dialect dialect, Class<?>... entities) {
        return new HibernateSchemaReader(NamingConvention.ALEMBIC_DEFAULT, dialect.types(), dialect.identifierCase())
                .read(EntitySet.snakeCase(List.of(entities), ScenarioHarness.class.getClassLoader()).metadata(dialect));
    }

    public void assertAppMatches(Class<?>... entities) {
        Diff diff = new SchemaComparator().compare(readAppSchema(), desired(dialect, entities), RenameHints.none());
        assertTrue(diff.isEmpty(), () -> "app schema differs from entities: " + diff.operations());
    }

    public void assertAppMatchesBeforeSchema() {
        Diff diff = new SchemaComparator().compare(readAppSchema(), beforeSchema, RenameHints.none());
        assertTrue(diff.isEmpty(), () -> "after undo the schema differs from the before-state: " + diff.operations());
    }

    public long count(String sql) throws SQLException {
        try (Connection c = app.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public Object value(String sql) throws SQLException {
        try (Connection c = app.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    /** The first column of the first row as text, {@code null} without a row. */
    public String query(String sql) {
        try (Connection c = app.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The rows in {@code table}. */
    public long rowCount(String table) {
        return Long.parseLong(query("SELECT count(*) FROM \"" + table + "\""));
    }

    public Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (var t : readAppSchema().tables()) {
            counts.put(t.name(), count("SELECT count(*) FROM \"" + t.name() + "\""));
        }
        return counts;
    }

    public void assertForeignKeysValid() {
        try (Connection c = app.connect()) {
            List<String> violations = dialect.foreignKeyViolations(c);
            assertTrue(violations.isEmpty(), () -> "foreign key violations: " + violations);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String scriptText(AutogenResult r) {
        return r.script().orElseThrow().content();
    }

    public static void assertRows(long expected, long actual, String what) {
        assertEquals(expected, actual, what);
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
