package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import org.flywaydb.core.Flyway;
import org.hibernate.JDBCException;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.community.dialect.SQLiteDialect;
import org.junit.jupiter.api.function.Executable;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One corpus scenario on real files: a temp migrations folder the engine writes into, the application's SQLite file
 * (foreign keys on) that Flyway migrates, and Hibernate session factories that validate against it, as a Quarkus
 * application with {@code quarkus.hibernate-orm.schema-management.strategy=validate} would.
 */
final class CorpusDatabase implements AutoCloseable {

    /** What a Quarkus application gets when it sets no physical naming strategy: the Java names. */
    static final String JAVA_NAMES = PhysicalNamingStrategyStandardImpl.class.getName();
    static final String SNAKE_NAMES = CamelCaseToUnderscoresNamingStrategy.class.getName();

    final Path migrations;
    private final Path root;
    private final Path file;
    private final String naming;

    private CorpusDatabase(String naming) throws IOException {
        this.naming = naming;
        root = Files.createTempDirectory("autogen-corpus-");
        migrations = Files.createDirectories(root.resolve("migration"));
        file = root.resolve("app.db");
    }

    static CorpusDatabase javaNames() throws IOException {
        return new CorpusDatabase(JAVA_NAMES);
    }

    static CorpusDatabase snakeNames() throws IOException {
        return new CorpusDatabase(SNAKE_NAMES);
    }

    String url() {
        return urlOf(file);
    }

    /**
     * As the application's Hibernate maps the entities: Bean Validation's DDL constraints included (Hibernate
     * Validator is on the test class path), see {@link EntitySet#withBeanValidationDdl}.
     */
    AutogenResult generate(AutogenOptions options, Class<?>... entities) {
        Autogenerate engine = Autogenerate.forDialect("sqlite");
        return engine.generate(entities(entities).metadata(engine.dialect()), migrations, options);
    }

    EntitySet entities(Class<?>... entities) {
        return new EntitySet(List.of(entities), CorpusDatabase.class.getClassLoader(), naming);
    }

    /** Steps 1 and 2: from the empty folder the engine writes V1, and Flyway applies it to the fresh file. */
    void generateFirstMigrationAndApply(Class<?>... entities) {
        AutogenResult result = generate(AutogenOptions.defaults(), entities);
        assertEquals(1, result.written().size(), () -> "one V1 script written, got " + result.written() + "; warnings " + result.warnings());
        String name = result.written().get(0).getFileName().toString();
        assertTrue(name.startsWith("V1__") && name.endsWith(".sql"), name);
        assertTrue(Files.isRegularFile(result.written().get(0)), name);
        migrate();
    }

    /** The next change with its undo: V{@code version} and U{@code version} written, V applied to the rows. */
    AutogenResult generateChangeWithUndoAndApply(int version, Class<?>... entities) {
        AutogenResult result = generate(AutogenOptions.defaults().withUndo(true), entities);
        List<String> names = result.written().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(2, names.size(), () -> "V" + version + " and U" + version + " written, got " + names
                + "; operations " + result.operations() + "; skipped " + result.skipped() + "; warnings " + result.warnings());
        assertTrue(names.get(0).startsWith("V" + version + "__"), names.toString());
        assertTrue(names.get(1).startsWith("U" + version + "__"), names.toString());
        migrate();
        return result;
    }

    /** Step 4: the entities the migrations were generated from give no operation, skipped or not, and no file. */
    void assertNoChanges(Class<?>... entities) {
        List<String> before = fileNames();
        AutogenResult again = generate(AutogenOptions.defaults(), entities);
        assertTrue(again.operations().isEmpty() && again.skipped().isEmpty(), () -> "phantom diff for "
                + Arrays.toString(entities) + ": operations " + again.operations() + ", skipped " + again.skipped()
                + "\n" + again.script().map(s -> s.content()).orElse(""));
        assertTrue(again.written().isEmpty(), () -> "written: " + again.written());
        assertEquals(before, fileNames(), "migrations folder unchanged");
    }

    /** Runs Flyway over the migrations folder (and any extra folders) against the application file. */
    void migrate(Path... extraLocations) {
        migrate(url(), extraLocations);
    }

    private void migrate(String jdbcUrl, Path... extraLocations) {
        String[] locations = Stream.concat(Stream.of(migrations), Stream.of(extraLocations))
                .map(p -> "filesystem:" + p.toAbsolutePath()).toArray(String[]::new);
        Flyway.configure().dataSource(jdbcUrl, null, null).locations(locations).load().migrate();
    }

    /**
     * Community Flyway does not run U scripts, so the undo script goes into a folder of its own as the next
     * versioned migration and Flyway applies it after the others.
     */
    void applyUndo(AutogenResult result, int asVersion) throws IOException {
        Path undo = Files.createDirectories(root.resolve("undo"));
        String script = result.undoScript().orElseThrow().content();
        Files.writeString(undo.resolve("V" + asVersion + "__undo.sql"), script);
        io.quarkiverse.flywayautogen.core.render.ScriptConfig.writeBeside(undo.resolve("V" + asVersion + "__undo.sql"), script);
        migrate(undo);
    }

    /** Step 3's first half: a session factory over the application file that passed {@code hbm2ddl.auto=validate}. */
    SessionFactory validatedSessionFactory(Class<?>... entities) {
        try {
            return validatingSessionFactory(entities);
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                causes.append("\n  ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            }
            return fail("Hibernate validate of " + Arrays.toString(entities) + " failed:" + causes, e);
        }
    }

    private SessionFactory validatingSessionFactory(Class<?>... entities) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url());
        dataSource.setEnforceForeignKeys(true);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", dataSource)
                .applySetting("hibernate.dialect", SQLiteDialect.class.getName())
                .applySetting("hibernate.physical_naming_strategy", naming)
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                .applySetting("jakarta.persistence.validation.mode", "none")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            Arrays.stream(entities).forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private static void execute(String jdbcUrl, List<String> statements) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in " + statements, e);
        }
    }

    /**
     * The migrations folder, replayed on a fresh file, builds what {@link HibernateDdl} builds on another: same table
     * and column names, declared types, nullability, keys and indexed columns, and the same first rows in the sequence
     * tables. See {@link SchemaSnapshot#comparableWithHibernateDdl()} for what Hibernate's SQLite DDL leaves out and
     * is therefore not compared.
     */
    void assertMigrationsBuildWhatHibernateCreates(Class<?>... entities) {
        String replayed = urlOf(root.resolve("replayed-" + System.nanoTime() + ".db"));
        migrate(replayed);
        String hibernate = urlOf(root.resolve("hibernate-" + System.nanoTime() + ".db"));
        execute(hibernate, HibernateDdl.scriptWithBeanValidation(SQLiteDialect.class.getName(), naming, entities));
        List<String> differences = SchemaSnapshot.read(replayed).comparableWithHibernateDdl()
                .differencesFrom(SchemaSnapshot.read(hibernate).comparableWithHibernateDdl());
        assertTrue(differences.isEmpty(), () -> "the migrations (actual) build another schema than Hibernate's own DDL (expected):\n  "
                + String.join("\n  ", differences));
        assertEquals(SchemaSnapshot.sequenceRows(hibernate), SchemaSnapshot.sequenceRows(replayed),
                "sequence tables' rows: migrations (actual) vs Hibernate's own DDL (expected)");
    }

    /**
     * The engine's own SQLite reader on both sides: the migrations replayed on a fresh file, and Hibernate's own DDL
     * (Bean Validation on) on another, give the same tables, columns (type, nullability, default), primary keys,
     * indexes and CHECKs. Hibernate's SQLite DDL declares no foreign keys and no table-level unique constraints,
     * so those are left out on both sides; indexes Hibernate names by hash are compared by their columns.
     */
    void assertEngineReadsMigrationsAsHibernatesSchema(Class<?>... entities) {
        String replayed = urlOf(root.resolve("replayed-" + System.nanoTime() + ".db"));
        migrate(replayed);
        String hibernate = urlOf(root.resolve("hibernate-" + System.nanoTime() + ".db"));
        execute(hibernate, HibernateDdl.scriptWithBeanValidation(SQLiteDialect.class.getName(), naming, entities));
        Schema actual = comparable(readWithEngine(replayed));
        Schema expected = comparable(readWithEngine(hibernate));
        List<Operation> differences = new SchemaComparator().compare(actual, expected, RenameHints.none()).operations();
        assertTrue(differences.isEmpty(), () -> "the engine reads the migrations (actual) as another schema than Hibernate's"
                + " own DDL (expected): " + differences + "\nactual: " + actual + "\nexpected: " + expected);
    }

    private static Schema readWithEngine(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return Dialects.require("sqlite").reader().read(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema comparable(Schema schema) {
        return indexesByColumns(schema.withAutoincrementTables(List.of())
                .withTables(schema.tables().stream().map(t -> t.withForeignKeys(List.of()).withUniques(List.of())).toList()));
    }

    /**
     * Indexes named after their columns: Hibernate names unnamed ones by hash, the engine by its naming convention.
     * A column's CHECKs joined by {@code and} in a sorted order: Hibernate joins Bean Validation's {@code @Min} and
     * {@code @Max} in the validator's set order, the engine sorts them; PostgreSQL's reader reads a min-first pair
     * back as BETWEEN, which is spelled out again here.
     */
    static Schema indexesByColumns(Schema schema) {
        return schema.withTables(schema.tables().stream().map(t -> new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(),
                t.indexes().stream().map(i -> new Index(String.join("_", i.columns()), i.columns(), i.unique())).toList(),
                t.foreignKeys(), t.checks().stream().map(c -> new CheckConstraint(c.name(), String.join(" and ",
                        Stream.of(c.expression().replaceAll("(\\w+) between (\\S+) and (\\S+)", "$1>=$2 and $1<=$3").split(" and "))
                                .sorted().toList()))).toList(), t.initCommands())).toList());
    }

    /** The control: the application file gets Hibernate's own DDL instead of the migrations. */
    void createSchemaWithHibernate(Class<?>... entities) {
        execute(url(), HibernateDdl.scriptWithBeanValidation(SQLiteDialect.class.getName(), naming, entities));
    }

    SchemaSnapshot snapshot() {
        return SchemaSnapshot.read(url());
    }

    /** The column's type as declared in the application file, e.g. {@code varchar(100)}. */
    String declaredType(String table, String column) {
        return query("SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'");
    }

    long count(String table) {
        return Long.parseLong(query("SELECT count(*) FROM \"" + table + "\""));
    }

    String query(String sql) {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    byte[] bytes(String sql) {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getBytes(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs one statement on the application file (foreign keys on): the SQLException it raised, or null. */
    SQLException failureOf(String sql) {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /**
     * The write is refused as a duplicate on all the given {@code table.column}s. Hibernate 7.2's SQLiteDialect
     * reports SQLITE_CONSTRAINT_UNIQUE as a GenericJDBCException, not a ConstraintViolationException, so SQLite's
     * message is what identifies the constraint.
     */
    static void assertRefusedAsDuplicate(Executable write, String... columns) {
        JDBCException e = assertThrows(JDBCException.class, write, "duplicate on " + Arrays.toString(columns) + " refused");
        String message = e.getSQLException().getMessage();
        assertTrue(message.contains("UNIQUE constraint failed") && Arrays.stream(columns).allMatch(message::contains),
                () -> "expected a UNIQUE violation on " + Arrays.toString(columns) + ", got: " + message);
    }

    private List<String> fileNames() {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlOf(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath() + "?foreign_keys=on";
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
