package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterPrimaryKey;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropForeignKey;
import io.quarkiverse.flywayautogen.core.ops.DropSequence;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MariaDB commits every DDL statement on its own: a script that fails halfway stays half applied, with a failed row in
 * Flyway's history. So the operations are ordered in three groups: first those that can fail on the rows present
 * (NOT NULL tightening, type changes, new unique constraints, keys, checks and foreign keys on existing tables), so a
 * failure leaves the schema as it was; then the rest; last the drops, which cannot be undone. An operation only moves
 * past others that touch none of its tables, so what depends on order keeps it.
 */
final class NonAtomicOrder {

    /** All operations in their new order, with the first group's and the last group's. */
    record Ordered(List<Operation> operations, List<Operation> mayFailOnData, List<Operation> cannotBeUndone) {
    }

    private NonAtomicOrder() {
    }

    static Ordered order(List<Operation> operations) {
        List<Operation> first = new ArrayList<>();
        List<Operation> middle = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (Operation op : operations) {
            if (mayFailOnData(op) && tables(op).stream().noneMatch(touched::contains)) {
                first.add(op);
            } else {
                middle.add(op);
                touched.addAll(tables(op));
            }
        }
        // drops go last, unless a later operation touches their table (a rename into the dropped name, a new table)
        List<Operation> last = new ArrayList<>();
        List<Operation> kept = new ArrayList<>();
        for (int i = middle.size() - 1; i >= 0; i--) {
            Operation op = middle.get(i);
            boolean later = kept.stream().anyMatch(k -> tables(k).stream().anyMatch(tables(op)::contains));
            if (cannotBeUndone(op) && !later) {
                last.add(0, op);
            } else {
                kept.add(0, op);
            }
        }
        List<Operation> ordered = new ArrayList<>(first);
        ordered.addAll(kept);
        ordered.addAll(last);
        return new Ordered(ordered, first, last);
    }

    /** True when the rows present can make the statement fail (strict SQL mode, as MariaDB runs by default). */
    static boolean mayFailOnData(Operation op) {
        if (op instanceof AlterColumn alter) {
            return (alter.from().nullable() && !alter.to().nullable()) || !alter.from().type().sameTypeAs(alter.to().type());
        }
        return op instanceof AddUnique || (op instanceof CreateIndex create && create.index().unique())
                || (op instanceof AlterPrimaryKey pk && pk.to().isPresent()) || op instanceof AddCheck
                || op instanceof AddForeignKey;
    }

    static boolean cannotBeUndone(Operation op) {
        return op instanceof DropTable || op instanceof DropColumn || op instanceof DropSequence;
    }

    /** Every table the operation reads or changes: a foreign key's both ends, a rename's both names. */
    private static List<String> tables(Operation op) {
        if (op instanceof AddForeignKey add) {
            return List.of(add.table(), add.foreignKey().referencedTable());
        } else if (op instanceof DropForeignKey drop) {
            return List.of(drop.table(), drop.foreignKey().referencedTable());
        } else if (op instanceof RenameTable rename) {
            return List.of(rename.from(), rename.to());
        } else if (op instanceof CreateTable create) {
            List<String> tables = new ArrayList<>(List.of(create.table()));
            create.definition().foreignKeys().forEach(fk -> tables.add(fk.referencedTable()));
            return tables;
        } else if (op instanceof RenameColumn rename) {
            return List.of(rename.table());
        }
        return List.of(op.table());
    }
}
