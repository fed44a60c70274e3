package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterPrimaryKey;
import io.quarkiverse.flywayautogen.core.ops.DropCheck;
import io.quarkiverse.flywayautogen.core.ops.DropForeignKey;
import io.quarkiverse.flywayautogen.core.ops.DropUnique;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.quarkiverse.flywayautogen.core.postgresql.PostgresDdl.q;

/**
 * Constraints that only change name (a renamed table's keys take the names a fresh create would give): the
 * comparator drops them by the old name and adds them by the new one, which PostgreSQL refuses for a key another
 * table's foreign key depends on. {@code ALTER TABLE ... RENAME CONSTRAINT} renames them in place, index included.
 * Found here: the drop planned as the rename, and the matching add planned as nothing.
 */
final class ConstraintRenames {

    private final Map<Operation, String> renameFor = new IdentityHashMap<>();
    private final Map<Operation, Boolean> absorbed = new IdentityHashMap<>();

    ConstraintRenames(List<Operation> operations) {
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (op instanceof AlterPrimaryKey pk && pk.from().isPresent() && pk.to().isPresent() && pk.from().equals(pk.to())) {
                renameFor.put(op, rename(pk.table(), pk.from().name(), pk.to().name()));
                continue;
            }
            for (Operation later : operations.subList(i + 1, operations.size())) {
                String newName = addedUnderNewName(op, later);
                if (newName != null && !absorbed.containsKey(later)) {
                    renameFor.put(op, rename(op.table(), droppedName(op), newName));
                    absorbed.put(later, true);
                    break;
                }
            }
        }
    }

    /** The rename statement standing for this operation, or null when it is planned as itself. */
    String renameFor(Operation op) {
        return renameFor.get(op);
    }

    /** True for an add whose constraint the rename of its drop already gives. */
    boolean absorbed(Operation op) {
        return absorbed.containsKey(op);
    }

    private static String addedUnderNewName(Operation drop, Operation add) {
        if (!drop.table().equals(add.table())) {
            return null;
        }
        if (drop instanceof DropUnique d && add instanceof AddUnique a && d.unique().equals(a.unique())) {
            return differentName(d.unique().name(), a.unique().name());
        } else if (drop instanceof DropForeignKey d && add instanceof AddForeignKey a && d.foreignKey().equals(a.foreignKey())) {
            return differentName(d.foreignKey().name(), a.foreignKey().name());
        } else if (drop instanceof DropCheck d && add instanceof AddCheck a && d.check().equals(a.check())) {
            return differentName(d.check().name(), a.check().name());
        }
        return null;
    }

    private static String droppedName(Operation drop) {
        if (drop instanceof DropUnique d) {
            return d.unique().name();
        } else if (drop instanceof DropForeignKey d) {
            return d.foreignKey().name();
        }
        return ((DropCheck) drop).check().name();
    }

    private static String differentName(String from, String to) {
        return from != null && to != null && !Objects.equals(from, to) ? to : null;
    }

    private static String rename(String table, String from, String to) {
        return "ALTER TABLE " + q(table) + " RENAME CONSTRAINT " + q(from) + " TO " + q(to);
    }
}
