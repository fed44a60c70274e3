package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Changed version per feature": the entity as it was ({@code v1}) and as it is now ({@code v2}, a copy in a sibling
 * package). V1 is generated from the empty folder and applied, Hibernate writes rows with the v1 classes, then the
 * engine generates V2 with its undo, Flyway applies V2 to the database holding those rows, Hibernate validates and
 * works with the v2 classes, the v2 classes give no further change, and the undo script brings back the V1 schema,
 * which the v1 classes validate again.
 */
final class ChangeScenario {

    /** One step's checks, against the application file and a session factory that passed validation. */
    @FunctionalInterface
    interface Step {
        void run(ScenarioHarness db, SessionFactory sf) throws Exception;
    }

    private final Class<?>[] v1;
    private Class<?>[] v2 = new Class<?>[0];
    private Step rowsBefore = (db, sf) -> { };
    private Step afterChange = (db, sf) -> { };
    private Step afterUndo = (db, sf) -> { };

    private ChangeScenario(Class<?>[] v1) {
        this.v1 = v1;
    }

    static ChangeScenario from(Class<?>... v1) {
        return new ChangeScenario(v1);
    }

    ChangeScenario to(Class<?>... entities) {
        v2 = entities;
        return this;
    }

    /** Rows the application writes with the v1 classes before the change. */
    ChangeScenario rowsBefore(Step step) {
        rowsBefore = step;
        return this;
    }

    /** With the v2 classes on the migrated rows: the rows are still there with their values, new rows persist. */
    ChangeScenario afterChange(Step step) {
        afterChange = step;
        return this;
    }

    /** With the v1 classes after the undo script: what is left of the rows. */
    ChangeScenario afterUndo(Step step) {
        afterUndo = step;
        return this;
    }

    void run(ScenarioHarness db) throws Exception {
        db.generateFirstMigrationAndApply(v1);
        try (SessionFactory sf = Corpus.validatedSessionFactory(db, v1)) {
            rowsBefore.run(db, sf);
        }
        db.assertNoChanges(v1);
        SchemaSnapshot before = Corpus.snapshot(db);

        AutogenResult change = db.generateChangeWithUndoAndApply(2, v2);
        try (SessionFactory sf = Corpus.validatedSessionFactory(db, v2)) {
            afterChange.run(db, sf);
        }
        db.assertNoChanges(v2);

        db.applyUndoToApp(change, 3);
        List<String> differences = Corpus.snapshot(db).differencesFrom(before);
        assertTrue(differences.isEmpty(), () -> "the undo script does not restore the V1 schema (expected: before V2, actual: after undo):\n  "
                + String.join("\n  ", differences) + "\n" + change.undoScript().orElseThrow().content());
        try (SessionFactory sf = Corpus.validatedSessionFactory(db, v1)) {
            afterUndo.run(db, sf);
        }
        Corpus.assertMigrationsBuildWhatHibernateCreates(db, v2);
    }
}
