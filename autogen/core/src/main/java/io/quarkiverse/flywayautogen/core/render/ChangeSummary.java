package io.quarkiverse.flywayautogen.core.render;

import io.quarkiverse.flywayautogen.core.model.SequenceTables;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A migration's default name, read off its operations as a person would sum them up: one operation names itself
 * ({@code add column pets weight_grams}), several on one table are {@code alter pets}, new tables are
 * {@code create table fruit} (Hibernate's {@code <name>_SEQ} tables travel with their entity's table and are not
 * named), and anything wider names the first tables ({@code alter pets and users}, {@code ... and more}).
 */
public final class ChangeSummary {

    private ChangeSummary() {
    }

    public static String of(List<Operation> operations) {
        List<Operation> named = operations.stream().filter(op -> !isSequenceTable(op.table())).toList();
        List<Operation> ops = named.isEmpty() ? operations : named;
        Set<String> tables = new LinkedHashSet<>();
        ops.forEach(op -> tables.add(op.table()));
        if (ops.size() == 1) {
            return single(ops.get(0));
        }
        if (ops.stream().allMatch(op -> op instanceof CreateTable)) {
            return "create table " + tablesPhrase(tables);
        }
        if (ops.stream().allMatch(op -> op instanceof DropTable)) {
            return "drop table " + tablesPhrase(tables);
        }
        return "alter " + tablesPhrase(tables);
    }

    private static String single(Operation op) {
        if (op instanceof CreateTable || op instanceof DropTable) {
            return (op instanceof CreateTable ? "create table " : "drop table ") + op.table();
        } else if (op instanceof RenameTable r) {
            return "rename table " + r.from() + " to " + r.to();
        } else if (op instanceof AddColumn a) {
            return "add column " + a.table() + " " + a.column().name();
        } else if (op instanceof DropColumn d) {
            return "drop column " + d.table() + " " + d.column().name();
        } else if (op instanceof RenameColumn r) {
            return "rename column " + r.table() + " " + r.from() + " to " + r.to();
        } else if (op instanceof AlterColumn a) {
            return "alter column " + a.table() + " " + a.to().name();
        } else if (op instanceof CreateIndex c) {
            return "create index " + c.index().name();
        }
        return "alter " + op.table();
    }

    private static String tablesPhrase(Set<String> tables) {
        List<String> names = List.copyOf(tables);
        return names.size() <= 2 ? String.join(" and ", names) : names.get(0) + " and more";
    }

    private static boolean isSequenceTable(String table) {
        return SequenceTables.isSequenceName(table);
    }
}
