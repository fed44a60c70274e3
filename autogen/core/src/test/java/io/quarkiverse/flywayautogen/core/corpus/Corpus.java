package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioDialect;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The corpus checks, on the one {@link ScenarioHarness} (on SQLite: the application's file with foreign keys on,
 * the migrations folder the engine writes into, Flyway applying it): Hibernate session factories that validate
 * against the application's database, as a Quarkus application with
 * {@code quarkus.hibernate-orm.schema-management.strategy=validate} would, and the migrations compared with what
 * Hibernate's own DDL builds.
 */
final class Corpus {

    /** What a Quarkus application gets when it sets no physical naming strategy: the Java names. */
    static final String JAVA_NAMES = PhysicalNamingStrategyStandardImpl.class.getName();
    static final String SNAKE_NAMES = CamelCaseToUnderscoresNamingStrategy.class.getName();

    private Corpus() {
    }

    /** A scenario on SQLite whose application keeps the Java names (Hibernate's default). */
    static ScenarioHarness javaNames() throws IOException {
        return ScenarioHarness.withNaming(ScenarioDialect.SQLITE, JAVA_NAMES);
    }

    /** A scenario on SQLite whose application maps camelCase to snake_case. */
    static ScenarioHarness snakeNames() throws IOException {
        return ScenarioHarness.withNaming(ScenarioDialect.SQLITE, SNAKE_NAMES);
    }

    /** A session factory over the application's database that passed {@code hbm2ddl.auto=validate}. */
    static SessionFactory validatedSessionFactory(ScenarioHarness db, Class<?>... entities) {
        try {
            return validatingSessionFactory(db, entities);
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                causes.append("\n  ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            }
            return fail("Hibernate validate of " + Arrays.toString(entities) + " failed:" + causes, e);
        }
    }

    private static SessionFactory validatingSessionFactory(ScenarioHarness db, Class<?>... entities) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(db.app.jdbcUrl());
        dataSource.setEnforceForeignKeys(true);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", dataSource)
                .applySetting("hibernate.dialect", SQLiteDialect.class.getName())
                .applySetting("hibernate.physical_naming_strategy", db.naming())
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

    private static void execute(ScratchDatabase database, List<String> statements) {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
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
    static void assertMigrationsBuildWhatHibernateCreates(ScenarioHarness db, Class<?>... entities) {
        try (ScratchDatabase replayed = db.newDatabase("replayed"); ScratchDatabase hibernate = db.newDatabase("hibernate")) {
            MigrationReplayer.migrate(replayed, List.of(db.migrations));
            execute(hibernate, HibernateDdl.scriptWithBeanValidation(SQLiteDialect.class.getName(), db.naming(), entities));
            List<String> differences = SchemaSnapshot.read(replayed.jdbcUrl()).comparableWithHibernateDdl()
                    .differencesFrom(SchemaSnapshot.read(hibernate.jdbcUrl()).comparableWithHibernateDdl());
            assertTrue(differences.isEmpty(), () -> "the migrations (actual) build another schema than Hibernate's own DDL (expected):\n  "
                    + String.join("\n  ", differences));
            assertEquals(SchemaSnapshot.sequenceRows(hibernate.jdbcUrl()), SchemaSnapshot.sequenceRows(replayed.jdbcUrl()),
                    "sequence tables' rows: migrations (actual) vs Hibernate's own DDL (expected)");
        }
    }

    /**
     * The engine's own SQLite reader on both sides: the migrations replayed on a fresh file, and Hibernate's own DDL
     * (Bean Validation on) on another, give the same tables, columns (type, nullability, default), primary keys,
     * indexes and CHECKs. Hibernate's SQLite DDL declares no foreign keys and no table-level unique constraints,
     * so those are left out on both sides; indexes Hibernate names by hash are compared by their columns.
     */
    static void assertEngineReadsMigrationsAsHibernatesSchema(ScenarioHarness db, Class<?>... entities) {
        try (ScratchDatabase replayed = db.newDatabase("replayed"); ScratchDatabase hibernate = db.newDatabase("hibernate")) {
            MigrationReplayer.migrate(replayed, List.of(db.migrations));
            execute(hibernate, HibernateDdl.scriptWithBeanValidation(SQLiteDialect.class.getName(), db.naming(), entities));
            Schema actual = comparable(readWithEngine(db, replayed));
            Schema expected = comparable(readWithEngine(db, hibernate));
            List<Operation> differences = new SchemaComparator().compare(actual, expected, RenameHints.none()).operations();
            assertTrue(differences.isEmpty(), () -> "the engine reads the migrations (actual) as another schema than Hibernate's"
                    + " own DDL (expected): " + differences + "\nactual: " + actual + "\nexpected: " + expected);
        }
    }

    private static Schema readWithEngine(ScenarioHarness db, ScratchDatabase database) {
        try (Connection c = database.connect()) {
            return db.dialect().reader().read(c);
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

    /** The control: the application's database gets Hibernate's own DDL instead of the migrations. */
    static void createSchemaWithHibernate(ScenarioHarness db, Class<?>... entities) {
        execute(db.app, HibernateDdl.scriptWithBeanValidation(SQLiteDialect.class.getName(), db.naming(), entities));
    }

    static SchemaSnapshot snapshot(ScenarioHarness db) {
        return SchemaSnapshot.read(db.app.jdbcUrl());
    }

    /** The column's type as declared in the application's SQLite file, e.g. {@code varchar(100)}. */
    static String declaredType(ScenarioHarness db, String table, String column) {
        return db.query("SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'");
    }

    static byte[] bytes(ScenarioHarness db, String sql) {
        try (Connection c = db.app.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getBytes(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs one statement on the application's database (foreign keys on): the SQLException it raised, or null. */
    static SQLException failureOf(ScenarioHarness db, String sql) {
        try (Connection c = db.app.connect(); Statement st = c.createStatement()) {
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
}
