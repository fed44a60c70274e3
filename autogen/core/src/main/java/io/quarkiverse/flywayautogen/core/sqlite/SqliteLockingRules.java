package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.Rule;
import io.quarkiverse.flywayautogen.core.rollout.TableSizes;

import java.util.List;
import java.util.OptionalLong;

/**
 * SQLite's one lock that grows with the table: a change its ALTER TABLE cannot make is a rebuild (new table, copy
 * every row, swap), and the database is locked for writing while the rows are copied. The finding says how many
 * rows, read from the dev database when one is known.
 */
final class SqliteLockingRules {

    private SqliteLockingRules() {
    }

    static List<RolloutFinding> of(Operation op, Schema before, TableSizes sizes) {
        if (before.table(op.table()).isEmpty() || NativeAlter.of(op, before, op.table()).isPresent()) {
            return List.of();
        }
        OptionalLong rows = sizes.rows(op.table());
        String copied = rows.isPresent() ? rows.getAsLong() + " row" + (rows.getAsLong() == 1 ? "" : "s")
                + " (dev database)" : "every row (how many is not known: no dev database)";
        return List.of(new RolloutFinding(Rule.LOCKING_TABLE_REBUILD, "rebuilds " + op.table() + ", copying " + copied
                + " while the database is locked for writing"));
    }
}
