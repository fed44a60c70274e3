package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterPrimaryKey;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.DropCheck;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropForeignKey;
import io.quarkiverse.flywayautogen.core.ops.DropIndex;
import io.quarkiverse.flywayautogen.core.ops.DropUnique;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes inside one table, after renames were applied to {@code current}. Order: drops of indexes and constraints
 * first (they may name columns about to change), then column adds/alters, key and constraint adds, column drops,
 * and index creation last. A renamed table also renames its named constraints when their names differ from the
 * declared ones (convention names derive from the table's name), as a fresh CREATE TABLE would name them.
 */
final class TableComparator {

    List<Operation> compare(Table current, Table desired, boolean renamedTable) {
        String t = desired.name();
        List<Operation> ops = new ArrayList<>();
        // kept: the constraints whose name is still right; the others are dropped by their old name and added back
        Table kept = renamedTable ? withStaleNamesDropped(current, desired) : current;
        for (Index i : current.indexes()) {
            if (!desired.indexes().contains(i)) {
                ops.add(new DropIndex(t, i));
            }
        }
        for (ForeignKey fk : current.foreignKeys()) {
            if (!desired.foreignKeys().contains(fk) || !kept.foreignKeys().contains(fk)) {
                ops.add(new DropForeignKey(t, fk));
            }
        }
        for (UniqueConstraint u : current.uniques()) {
            if (!desired.uniques().contains(u) || !kept.uniques().contains(u)) {
                ops.add(new DropUnique(t, u));
            }
        }
        for (CheckConstraint c : current.checks()) {
            if (!desired.checks().contains(c) || !kept.checks().contains(c)) {
                ops.add(new DropCheck(t, c));
            }
        }
        for (Column want : desired.columns()) {
            current.column(want.name()).ifPresentOrElse(
                    have -> {
                        if (!have.equals(want)) {
                            ops.add(new AlterColumn(t, have, want));
                        }
                    },
                    () -> ops.add(new AddColumn(t, want)));
        }
        if (!current.primaryKey().equals(desired.primaryKey()) || (renamedTable
                && renamedConstraint(current.primaryKey().name(), desired.primaryKey().name()))) {
            ops.add(new AlterPrimaryKey(t, current.primaryKey(), desired.primaryKey()));
        }
        for (UniqueConstraint u : desired.uniques()) {
            if (!kept.uniques().contains(u)) {
                ops.add(new AddUnique(t, u));
            }
        }
        for (ForeignKey fk : desired.foreignKeys()) {
            if (!kept.foreignKeys().contains(fk)) {
                ops.add(new AddForeignKey(t, fk));
            }
        }
        for (CheckConstraint c : desired.checks()) {
            if (!kept.checks().contains(c)) {
                ops.add(new AddCheck(t, c));
            }
        }
        for (Column have : current.columns()) {
            if (desired.column(have.name()).isEmpty()) {
                ops.add(new DropColumn(t, have));
            }
        }
        for (Index i : desired.indexes()) {
            if (!current.indexes().contains(i)) {
                ops.add(new CreateIndex(t, i));
            }
        }
        return ops;
    }

    /**
     * The table with every named unique, foreign key and check whose declared name differs removed: the comparison
     * then drops (by the stale name) and adds (by the declared one). Unnamed constraints stay as they are.
     */
    private static Table withStaleNamesDropped(Table current, Table desired) {
        return current
                .withUniques(current.uniques().stream().filter(u -> desired.uniques().stream()
                        .noneMatch(d -> d.equals(u) && renamedConstraint(u.name(), d.name()))).toList())
                .withForeignKeys(current.foreignKeys().stream().filter(f -> desired.foreignKeys().stream()
                        .noneMatch(d -> d.equals(f) && renamedConstraint(f.name(), d.name()))).toList())
                .withChecks(current.checks().stream().filter(c -> desired.checks().stream()
                        .noneMatch(d -> d.equals(c) && renamedConstraint(c.name(), d.name()))).toList());
    }

    private static boolean renamedConstraint(String currentName, String desiredName) {
        return currentName != null && desiredName != null && !currentName.equalsIgnoreCase(desiredName);
    }

    /** An undeclared drop+add of columns of the same type in one table may be a rename: say so, never assume it. */
    List<Warning> possibleColumnRenames(Table current, Table desired) {
        List<Warning> warnings = new ArrayList<>();
        for (Column dropped : current.columns()) {
            if (desired.column(dropped.name()).isPresent()) {
                continue;
            }
            for (Column added : desired.columns()) {
                if (current.column(added.name()).isEmpty() && added.type().equals(dropped.type())) {
                    warnings.add(Warning.possibleRename("POSSIBLE RENAME: column " + desired.name() + "." + dropped.name() + " is dropped and "
                            + desired.name() + "." + added.name() + " added with the same type; if it is a rename, declare "
                            + "@RenamedFrom(\"" + dropped.name() + "\") on the field",
                            desired.name() + "." + dropped.name() + "=" + added.name()));
                }
            }
        }
        return warnings;
    }
}
