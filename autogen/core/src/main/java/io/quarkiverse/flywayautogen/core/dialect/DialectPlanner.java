package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import io.quarkiverse.flywayautogen.core.rollout.SafePlan;
import java.util.Optional;

import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.List;

/**
 * Turns operations into SQL statements for one database. The comparator knows nothing of SQL; a PostgreSQL planner
 * would map most operations one-to-one onto ALTER TABLE, while the SQLite planner rebuilds tables where SQLite's
 * ALTER TABLE cannot express the change.
 */
public interface DialectPlanner {

    /** The statements that take {@code current} through the operations, in order. */
    List<Statement> plan(Schema current, List<Operation> operations);

    /** Short name of the database, shown in script headers. */
    String dialectName();

    /**
     * The safe rollout form of the same change ({@code quarkus.flyway-autogen.rollout=safe}); empty where the
     * database has none beyond {@link #plan} (SQLite: one writer, no concurrent DDL to choose).
     */
    default Optional<SafePlan> planSafe(Schema current, List<Operation> operations, RolloutSettings settings) {
        return Optional.empty();
    }
}
