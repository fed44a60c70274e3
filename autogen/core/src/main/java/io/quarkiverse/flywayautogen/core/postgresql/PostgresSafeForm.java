package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import io.quarkiverse.flywayautogen.core.rollout.SafePlan;

import java.util.ArrayList;
import java.util.List;

import static io.quarkiverse.flywayautogen.core.postgresql.PostgresDdl.q;

/**
 * Rewrites the plain plan into the form a rolling deployment survives on PostgreSQL
 * (https://www.postgresql.org/docs/15/sql-altertable.html, Notes; sql-createindex.html, "Building Indexes
 * Concurrently"). The first script (Flyway's transaction) holds what takes only a brief catalog lock: a foreign key
 * or CHECK added {@code NOT VALID}, the {@code CHECK (c IS NOT NULL) NOT VALID} that stands in for a new NOT NULL.
 * The second runs outside any transaction, each statement committing on its own, so that no scan runs under the
 * first script's locks: {@code VALIDATE CONSTRAINT} (SHARE UPDATE EXCLUSIVE: reads and writes go on),
 * {@code SET NOT NULL} (PostgreSQL 12+ skips its scan when a valid CHECK proves it, then the CHECK is dropped),
 * {@code CREATE INDEX CONCURRENTLY}, and a unique constraint adopted from a unique index built concurrently
 * ({@code ADD CONSTRAINT ... UNIQUE USING INDEX}). Both start with {@code lock_timeout} and
 * {@code statement_timeout}: the first with {@code SET LOCAL} (ends with its transaction), the second with
 * {@code SET} and a {@code RESET} at its end, since Flyway runs later migrations on the same connection.
 * Flyway re-runs the whole second script once a failure is fixed and repaired, so its index builds can run again:
 * {@code DROP INDEX CONCURRENTLY IF EXISTS} (and {@code DROP CONSTRAINT IF EXISTS} for a unique constraint) before
 * each. (A NOT NULL whose temporary CHECK was dropped before a later statement failed still needs a hand edit.)
 * Statements are recognised by the exact text the plain planner writes for their operation; anything else (a new
 * table's own indexes and keys: empty tables, nothing to wait for) stays as planned.
 */
final class PostgresSafeForm {

    private PostgresSafeForm() {
    }

    static SafePlan rewrite(List<Statement> plain, RolloutSettings settings) {
        List<Statement> first = new ArrayList<>();
        List<Statement> second = new ArrayList<>();
        for (Statement s : plain) {
            if (s.isComment()) {
                first.add(s);
                continue;
            }
            Operation op = s.source();
            if (op instanceof CreateIndex create && s.sql().equals(PostgresDdl.createIndex(create.table(), create.index()))) {
                second.add(Statement.sql(dropInvalidLeftover(create.index().name()), op));
                second.add(Statement.sql(concurrently(create.table(), create.index()), op));
            } else if (op instanceof AddUnique add && add.unique().name() != null
                    && s.sql().equals(alter(add.table(), "ADD " + PostgresDdl.unique(add.unique())))) {
                String name = add.unique().name();
                // a re-run after a later statement failed finds the constraint, which owns the index
                second.add(Statement.sql(alter(add.table(), "DROP CONSTRAINT IF EXISTS " + q(name)), op));
                second.add(Statement.sql(dropInvalidLeftover(name), op));
                second.add(Statement.sql("CREATE UNIQUE INDEX CONCURRENTLY " + q(name) + " ON " + q(add.table()) + " "
                        + PostgresDdl.cols(add.unique().columns()), op));
                second.add(Statement.sql(alter(add.table(), "ADD CONSTRAINT " + q(name) + " UNIQUE USING INDEX " + q(name)), op));
            } else if (op instanceof AddForeignKey add && add.foreignKey().name() != null
                    && s.sql().equals(alter(add.table(), "ADD " + PostgresDdl.foreignKey(add.foreignKey())))) {
                first.add(Statement.sql(s.sql() + " NOT VALID", op));
                second.add(Statement.sql(validate(add.table(), add.foreignKey().name()), op));
            } else if (op instanceof AddCheck add && add.check().name() != null
                    && s.sql().equals(alter(add.table(), "ADD " + PostgresDdl.check(add.check())))) {
                first.add(Statement.sql(s.sql() + " NOT VALID", op));
                second.add(Statement.sql(validate(add.table(), add.check().name()), op));
            } else if (op instanceof AlterColumn alter
                    && s.sql().equals(alter(alter.table(), "ALTER COLUMN " + q(alter.to().name()) + " SET NOT NULL"))) {
                String check = notNullCheckName(alter.table(), alter.to().name());
                first.add(Statement.sql(alter(alter.table(), "ADD CONSTRAINT " + q(check) + " CHECK ("
                        + q(alter.to().name()) + " IS NOT NULL) NOT VALID"), op));
                second.add(Statement.sql(validate(alter.table(), check), op));
                second.add(s);
                second.add(Statement.sql(alter(alter.table(), "DROP CONSTRAINT IF EXISTS " + q(check)), op));
            } else {
                first.add(s);
            }
        }
        if (second.isEmpty()) {
            return new SafePlan(withTimeouts(first, settings, "SET LOCAL "), List.of());
        }
        List<Statement> outside = new ArrayList<>(withTimeouts(second, settings, "SET "));
        outside.add(Statement.sql("RESET lock_timeout", null));
        outside.add(Statement.sql("RESET statement_timeout", null));
        return new SafePlan(withTimeouts(first, settings, "SET LOCAL "), outside);
    }

    /** The temporary CHECK that proves a new NOT NULL; within PostgreSQL's 63 bytes, as it would cut it anyway. */
    static String notNullCheckName(String table, String column) {
        String name = "ck_" + table + "_" + column + "_not_null";
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    /**
     * Makes the script retry-safe: a {@code CREATE INDEX CONCURRENTLY} that failed (duplicate rows for a unique
     * index, a timeout) leaves an INVALID index under its name, and the re-run of the script, after the cause is
     * fixed and Flyway repaired, would fail with "already exists". Dropping it concurrently takes no blocking lock;
     * on a first run it does nothing, and after a successful build it only costs a rebuild.
     */
    private static String dropInvalidLeftover(String index) {
        return "DROP INDEX CONCURRENTLY IF EXISTS " + q(index);
    }

    private static String concurrently(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + q(index.name()) + " ON " + q(table)
                + " " + PostgresDdl.cols(index.columns());
    }

    private static String validate(String table, String constraint) {
        return alter(table, "VALIDATE CONSTRAINT " + q(constraint));
    }

    private static List<Statement> withTimeouts(List<Statement> body, RolloutSettings settings, String set) {
        if (body.isEmpty()) {
            return body;
        }
        List<Statement> out = new ArrayList<>();
        out.add(Statement.sql(set + "lock_timeout = '" + settings.lockTimeout() + "'", null));
        out.add(Statement.sql(set + "statement_timeout = '" + settings.statementTimeout() + "'", null));
        out.addAll(body);
        return out;
    }

    private static String alter(String table, String action) {
        return "ALTER TABLE " + q(table) + " " + action;
    }
}
