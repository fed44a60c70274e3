package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.SchemaChanges;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioDialect;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import io.quarkiverse.flywayautogen.core.selfcheck.visit.Owner;
import io.quarkiverse.flywayautogen.core.selfcheck.visit.Visit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nullable {@code visit_date} made NOT NULL (no default) on SQLite and PostgreSQL: on rows without a NULL the
 * self-check passes and the script applies; with a NULL the script fails whole, as the proof shows on a sample row
 * holding one. The parent table holds a boolean, which PostgreSQL once refused as a sample value: visit then had no
 * sample row, and the proof claimed a NULL no row held.
 */
class NotNullTighteningSelfCheckTest {

    static final String V1 = """
            CREATE TABLE owner (id ${id}, name VARCHAR(255) NOT NULL, active BOOLEAN NOT NULL);
            CREATE TABLE visit (id ${id}, visit_date DATE, description VARCHAR(255),
                owner_id INTEGER NOT NULL REFERENCES owner (id));
            """;
    static final String[] ROWS = {"INSERT INTO owner (name, active) VALUES ('Ann', TRUE)",
            "INSERT INTO visit (visit_date, description, owner_id) VALUES ('2024-03-01', 'check-up', 1), ('2024-04-02', NULL, 1)"};

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void tighteningToNotNullOnRowsWithoutNullPassesTheSelfCheckAndApplies(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, V1)) {
            h.rows(ROWS);
            AutogenResult result = h.generate(Owner.class, Visit.class);
            assertTrue(result.operations().stream().anyMatch(op -> op instanceof AlterColumn a && a.tightensToNotNull()),
                    result.operations()::toString);
            assertEquals(2, result.written().size(), "the script and its undo");
            assertEquals(List.of(), SampleGraphSelfCheckTest.notBuilt(result), "the proof was made on a sample row");
            assertTrue(result.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.FAILS_ON_EXISTING_NULLS),
                    result.warnings()::toString);
            h.applyToApp();
            h.assertAppMatches(Owner.class, Visit.class);
            assertEquals(2L, h.count("SELECT count(*) FROM visit WHERE visit_date IS NOT NULL"));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void aRowHoldingNullStillMakesTheScriptFailWhole(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, V1)) {
            h.rows(ROWS);
            h.generate(Owner.class, Visit.class);
            h.rows("INSERT INTO visit (visit_date, description, owner_id) VALUES (NULL, 'walk-in', 1)");
            RuntimeException failure = assertThrows(RuntimeException.class, h::applyToApp);
            assertTrue(HibernateAgreement.rootMessage(failure).contains("visit_date"), HibernateAgreement.rootMessage(failure));
            h.assertAppMatchesBeforeSchema();
            assertEquals(3L, h.count("SELECT count(*) FROM visit"), "nothing changed");
        }
    }

    /** The proof still proves: a script that fills the NULL behind the operation's back is refused. */
    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void aScriptThatFillsTheNullUnaskedIsRefusedByTheProof(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, V1)) {
            AutogenResult honest = h.generate(AutogenOptions.defaults().withWrite(false), Owner.class, Visit.class);
            Script forward = honest.script().orElseThrow();
            Script filling = new Script(forward.fileName(),
                    "UPDATE visit SET visit_date = '2024-01-01' WHERE visit_date IS NULL;\n" + forward.content());
            try (ScratchDatabase replayed = new MigrationReplayer(on.dialect()).replay(h.migrations).database()) {
                Schema current;
                try (Connection c = replayed.connect()) {
                    current = on.dialect().reader().read(c);
                }
                Schema expected = SchemaChanges.apply(current, honest.operations());
                SelfCheck.Result result = new SelfCheck(on.dialect()).verify(replayed, h.migrations, current, expected,
                        honest.operations(), filling, Optional.empty());
                assertTrue(result.problems().contains(forward.fileName() + " made visit.visit_date NOT NULL although a row held NULL in it"),
                        result.problems()::toString);
            }
        }
    }

    /** No sample row fits the table: the proof is not made, and the result says so instead of refusing. */
    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void withoutASampleRowTheProofIsAWarningNotARefusal(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on, """
                CREATE TABLE visit (id ${id}, visit_date DATE, description VARCHAR(255), priority INTEGER, CHECK (priority < 0));
                """)) {
            h.rows("INSERT INTO visit (visit_date, description, priority) VALUES ('2024-03-01', 'check-up', -1)");
            Class<?> visit = io.quarkiverse.flywayautogen.core.selfcheck.visitcheck.Visit.class;
            AutogenResult result = h.generate(visit);
            assertEquals(2, result.written().size(), "the script and its undo");
            List<String> notBuilt = SampleGraphSelfCheckTest.notBuilt(result);
            assertTrue(notBuilt.stream().anyMatch(w -> w.startsWith("self-check could not build a sample for visit: no sample row")
                    && w.contains("was not tried on a NULL in visit.visit_date")), notBuilt::toString);
            h.applyToApp();
            h.assertAppMatches(visit);
        }
    }
}
