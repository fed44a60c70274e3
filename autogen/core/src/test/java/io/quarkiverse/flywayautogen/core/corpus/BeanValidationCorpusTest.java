package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresShadowDatabase;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresTestServer;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioDialect;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desired schema is Hibernate's as the application runs it, Bean Validation's DDL constraints included: for every
 * corpus model, the first migration generated from an empty folder builds the schema Hibernate's own DDL builds with
 * {@code validation.mode=ddl}, read back through the engine's schema reader on SQLite and on PostgreSQL; and a
 * {@code @NotNull} added to an entity is a pending change that {@code check} reports.
 */
class BeanValidationCorpusTest {

    /**
     * Where Hibernate's own DDL runs, one database for every PostgreSQL model, its schema emptied before each: a
     * schema dropped and created again is cheaper than a database created and dropped per model.
     */
    private static PostgresShadowDatabase hibernatesDatabase;

    @AfterAll
    static void dropHibernatesDatabase() {
        if (hibernatesDatabase != null) {
            hibernatesDatabase.close();
        }
    }

    static Stream<Arguments> models() throws ClassNotFoundException {
        return HibernateDdlControlTest.models();
    }

    /** On PostgreSQL too: the compound CHECKs and the named enum, which SQLite's corpus does not hold. */
    static Stream<Arguments> postgresModels() throws ClassNotFoundException {
        List<Arguments> models = new ArrayList<>(HibernateDdlControlTest.models().toList());
        models.add(Arguments.of(List.of("checks.Measure"), false, HibernateDdlControlTest.named("checks.Measure")));
        models.add(Arguments.of(List.of("pgtypes.Profile"), false, HibernateDdlControlTest.named("pgtypes.Profile")));
        return models.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sqliteMigrationsBuildHibernatesOwnSchemaWithBeanValidation(List<String> model, boolean snake, Class<?>[] entities) throws Exception {
        try (ScenarioHarness db = snake ? Corpus.snakeNames() : Corpus.javaNames()) {
            assertTrue(db.entities(entities).beanValidationDdl(), "on by default with Hibernate Validator on the class path");
            db.generateFirstMigrationAndApply(entities);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, entities);
            Corpus.assertEngineReadsMigrationsAsHibernatesSchema(db, entities);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresModels")
    void postgresMigrationsBuildHibernatesOwnSchemaWithBeanValidation(List<String> model, boolean snake, Class<?>[] entities) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL)) {
            AutogenResult v1 = h.generate(entities);
            assertTrue(v1.script().isPresent(), () -> "V1 written: " + v1.warnings());
            h.applyToApp();
            List<String> ddl = HibernateDdl.scriptWithBeanValidation(PostgreSQLDialect.class.getName(),
                    CamelCaseToUnderscoresNamingStrategy.class.getName(), entities);
            Dialect dialect = PostgresTestServer.dialect();
            Schema hibernates;
            if (hibernatesDatabase == null) {
                hibernatesDatabase = PostgresShadowDatabase.create(PostgresTestServer.require(), "bvddl");
            }
            try (Connection c = hibernatesDatabase.connect(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA public CASCADE");
                st.execute("CREATE SCHEMA public");
                for (String sql : ddl) {
                    st.execute(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                }
                hibernates = Corpus.indexesByColumns(dialect.reader().read(c));
            }
            Schema migrations = Corpus.indexesByColumns(h.readAppSchema());
            List<Operation> differences = new SchemaComparator().compare(migrations, hibernates, RenameHints.none()).operations();
            Schema expected = hibernates;
            assertTrue(differences.isEmpty(), () -> "the migrations (actual) build another schema than Hibernate's own DDL"
                    + " (expected): " + differences + "\nHibernate's DDL:\n" + String.join("\n", ddl) + "\nmigrations:\n"
                    + v1.script().orElseThrow().content() + "\nactual: " + migrations + "\nexpected: " + expected);
        }
    }

    @Test
    void notNullAddedToAnEntityIsAPendingChangeOnSqlite() throws Exception {
        Class<?> v1 = io.quarkiverse.flywayautogen.core.corpus.model.evolve.bvnotnull.v1.Member.class;
        Class<?> v2 = io.quarkiverse.flywayautogen.core.corpus.model.evolve.bvnotnull.v2.Member.class;
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(v1);
            Autogenerate engine = Autogenerate.forDialect("sqlite");
            assertTrue(engine.check(db.entities(v1), db.migrations, AutogenOptions.defaults()).operations().isEmpty(), "v1 in sync");
            assertTightensNickname(engine.check(db.entities(v2), db.migrations, AutogenOptions.defaults()).operations());
            assertNoNicknameChange(engine.check(db.entities(v2).withBeanValidationDdl(false), db.migrations, AutogenOptions.defaults()).operations());
        }
    }

    @Test
    void notNullAddedToAnEntityIsAPendingChangeOnPostgres() throws Exception {
        Class<?> v1 = io.quarkiverse.flywayautogen.core.corpus.model.evolve.bvnotnull.v1.Member.class;
        Class<?> v2 = io.quarkiverse.flywayautogen.core.corpus.model.evolve.bvnotnull.v2.Member.class;
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.POSTGRESQL)) {
            h.generate(v1);
            h.applyToApp();
            Autogenerate engine = new Autogenerate(PostgresTestServer.dialect());
            EntitySet entities = EntitySet.snakeCase(List.of(v2), getClass().getClassLoader());
            assertTightensNickname(engine.check(entities, h.migrations, AutogenOptions.defaults()).operations());
            assertNoNicknameChange(engine.check(entities.withBeanValidationDdl(false), h.migrations, AutogenOptions.defaults()).operations());
        }
    }

    private static void assertTightensNickname(List<Operation> operations) {
        assertEquals(1, operations.size(), () -> "one change, got " + operations);
        AlterColumn alter = assertInstanceOf(AlterColumn.class, operations.get(0));
        assertEquals("nickname", alter.to().name());
        assertTrue(alter.from().nullable(), "nullable in V1");
        assertFalse(alter.to().nullable(), "NOT NULL from @NotNull");
    }

    /** With the switch off, the V1 columns Bean Validation shaped (email) loosen, and the @NotNull nickname stays nullable. */
    private static void assertNoNicknameChange(List<Operation> operations) {
        assertTrue(operations.stream().noneMatch(op -> op instanceof AlterColumn alter && alter.to().name().equals("nickname")),
                () -> "with the switch off, @NotNull is no schema change: " + operations);
        assertTrue(operations.stream().anyMatch(op -> op instanceof AlterColumn alter && alter.to().name().equals("email")
                && alter.to().nullable()), () -> "with the switch off, email loses its @NotNull: " + operations);
    }

    private static <T> T assertInstanceOf(Class<T> type, Object value) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(type, value, () -> "expected " + type.getSimpleName() + ", got " + value);
    }
}
