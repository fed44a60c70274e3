package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.scenarios.equivalenttypes.after.Visit;
import io.quarkiverse.flywayautogen.core.selfcheck.HibernateAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-written V1 spells Hibernate's types its own way ({@code datetime}, {@code int}, {@code bool},
 * {@code character varying(255)}, {@code decimal(10,2)}, a {@code timestamp} without precision on PostgreSQL): the
 * same types to the driver and to Hibernate's validation, so no change; a change that keeps every value is no
 * destructive one; a CHECK the script adds reads back as declared.
 */
class EquivalentTypesScenarioTest {

    private static final String ROWS = "INSERT INTO visit (seen_at, opens_at, visits, note, paid, weight_kg, fee)"
            + " VALUES ('2024-05-01 10:30:00', '08:00:00', 3, 'first', TRUE, 12.5, 40.25)";

    /** V1 as a person writes it on each database; {@code check} is appended inside the table. */
    static String handWritten(ScenarioDialect on, String check) {
        return on.either("""
                CREATE TABLE visit (
                    id ${id},
                    seen_at timestamp,
                    opens_at time(0),
                    visits int,
                    note character varying(255),
                    paid boolean,
                    weight_kg real,
                    fee numeric(10, 2)%s
                );
                """, """
                CREATE TABLE visit (
                    id ${id},
                    seen_at timestamp,
                    opens_at time(0) without time zone,
                    visits int,
                    note character varying(255),
                    paid bool,
                    weight_kg double precision,
                    fee decimal(10, 2)%s
                );
                """).formatted(check);
    }

    static List<Class<?>> types(List<Operation> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    static AutogenOptions options() {
        return AutogenOptions.defaults().withUndo(true).withMessage("scenario");
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void handWrittenSpellingsOfHibernatesTypesAreNoChange(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, handWritten(on, ",\n    CHECK (weight_kg >= 0)"))) {
            h.rows(ROWS);
            AutogenResult result = h.generate(options(), Visit.class);
            assertEquals(List.of(), result.operations(), () -> "phantom changes: " + result.operations());
            assertTrue(result.skipped().isEmpty(), () -> "nothing to skip: " + result.skipped());
            assertTrue(result.written().isEmpty(), "no file for no change");
            h.assertAppMatches(Visit.class);
            List<String> unsampled = new java.util.ArrayList<>();
            List<String> problems = HibernateAgreement.verify(on.dialect(),
                    EntitySet.snakeCase(List.of(Visit.class), getClass().getClassLoader()), h.app, unsampled);
            assertEquals(List.of(), problems, "Hibernate validates and persists on the hand-written schema");
            assertEquals(List.of(), unsampled, "every entity sampled");
        }
    }

    /** PostgreSQL reads {@code weight_kg>=0} on a double column back as {@code ((weight_kg >= (0)::double precision))}. */
    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void checkAddedByTheScriptReadsBackAsDeclared(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, handWritten(on, ""))) {
            h.rows(ROWS);
            AutogenResult result = h.generate(options(), Visit.class);
            assertEquals(List.of(AddCheck.class), types(result.operations()), () -> result.operations().toString());
            h.applyToApp();
            h.assertAppMatches(Visit.class);
            assertEquals(List.of(), h.generate(options(), Visit.class).operations(), "nothing missing after the script ran");
            assertEquals(1, h.count("SELECT count(*) FROM visit"), "rows survived");
            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
        }
    }

    /** Longer text, a larger integer, a date into a timestamp: altered without --allow-destructive, rows intact. */
    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void wideningKeepsEveryValueSoIsNotDestructive(ScenarioDialect on) throws Exception {
        String before = handWritten(on, ",\n    CHECK (weight_kg >= 0)")
                .replace("note character varying(255)", "note varchar(40)")
                .replace("visits int", "visits smallint")
                .replace("seen_at timestamp", "seen_at date");
        try (ScenarioHarness h = new ScenarioHarness(on, before)) {
            h.rows(ROWS.replace("'2024-05-01 10:30:00'", "'2024-05-01'"));
            AutogenResult result = h.generate(options(), Visit.class);
            assertTrue(result.skipped().isEmpty(), () -> "skipped as destructive: " + result.skipped());
            assertEquals(List.of(AlterColumn.class, AlterColumn.class, AlterColumn.class), types(result.operations()),
                    () -> result.operations().toString());
            result.operations().forEach(op -> assertFalse(op.destructive(), op::describe));
            h.applyToApp();
            h.assertAppMatches(Visit.class);
            assertEquals("first", h.value("SELECT note FROM visit"));
            assertEquals(3L, ((Number) h.value("SELECT visits FROM visit")).longValue());
        }
    }

    /** The other way round loses what does not fit: still destructive, skipped unless allowed. */
    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void narrowingStaysDestructive(ScenarioDialect on) throws Exception {
        String before = handWritten(on, ",\n    CHECK (weight_kg >= 0)").replace("visits int", "visits bigint");
        try (ScenarioHarness h = new ScenarioHarness(on, before)) {
            h.rows(ROWS);
            AutogenResult result = h.generate(options(), Visit.class);
            assertEquals(List.of(), result.operations());
            assertEquals(1, result.skipped().size(), () -> result.skipped().toString());
            assertTrue(result.skipped().get(0).destructive(), () -> result.skipped().get(0).describe());
        }
    }

    @Test
    void sqliteKeyDeclaredIntIsNoRowidAliasSoItStillChanges() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.SQLITE,
                handWritten(ScenarioDialect.SQLITE, ",\n    CHECK (weight_kg >= 0)").replace("id ${id}", "id int PRIMARY KEY"))) {
            AutogenResult result = h.generate(options(), Visit.class);
            assertEquals(List.of(AlterColumn.class), types(result.operations()), () -> result.operations().toString());
            h.applyToApp();
            h.assertAppMatches(Visit.class);
        }
    }

    /**
     * {@code datetime}, {@code bool}, {@code decimal}: the driver reports other JDBC types than Hibernate expects, so
     * its validation rejects them; SQLite stores them as it does {@code timestamp}, {@code boolean} and
     * {@code numeric}, so the rebuild that renames them keeps every value and needs no --allow-destructive.
     */
    @Test
    void sqliteSpellingsHibernateRejectsAreRenamedWithoutLoss() throws Exception {
        String before = handWritten(ScenarioDialect.SQLITE, ",\n    CHECK (weight_kg >= 0)")
                .replace("seen_at timestamp", "seen_at datetime").replace("paid boolean", "paid bool")
                .replace("fee numeric(10, 2)", "fee decimal(10, 2)");
        try (ScenarioHarness h = new ScenarioHarness(ScenarioDialect.SQLITE, before)) {
            h.rows(ROWS);
            AutogenResult result = h.generate(options(), Visit.class);
            assertTrue(result.skipped().isEmpty(), () -> "skipped as destructive: " + result.skipped());
            assertEquals(List.of(AlterColumn.class, AlterColumn.class, AlterColumn.class), types(result.operations()),
                    () -> result.operations().toString());
            h.applyToApp();
            h.assertAppMatches(Visit.class);
            assertEquals("2024-05-01 10:30:00", h.value("SELECT seen_at FROM visit"));
            assertEquals(40.25, ((Number) h.value("SELECT fee FROM visit")).doubleValue());
            h.applyUndoToApp(result);
            h.assertAppMatchesBeforeSchema();
        }
    }
}
