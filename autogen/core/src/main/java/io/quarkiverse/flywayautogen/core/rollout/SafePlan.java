package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.dialect.Statement;

import java.util.List;

/**
 * A dialect's safe rollout form of one change: what runs in the migration's transaction, and what must run outside
 * any transaction afterwards, statement by statement (a concurrent index build, a validation that must not hold the
 * adding transaction's lock), in a second script configured {@code executeInTransaction=false}.
 */
public record SafePlan(List<Statement> inTransaction, List<Statement> outsideTransaction) {

    public SafePlan {
        inTransaction = List.copyOf(inTransaction);
        outsideTransaction = List.copyOf(outsideTransaction);
    }
}
