package dev.flywayautogen.core.sqlite;

import dev.flywayautogen.core.model.Column;
import dev.flywayautogen.core.model.ForeignKey;
import dev.flywayautogen.core.model.Schema;
import dev.flywayautogen.core.model.Table;
import dev.flywayautogen.core.ops.AddColumn;
import dev.flywayautogen.core.ops.CreateIndex;
import dev.flywayautogen.core.ops.CreateTable;
import dev.flywayautogen.core.ops.DropColumn;
import dev.flywayautogen.core.ops.DropIndex;
import dev.flywayautogen.core.ops.DropTable;
import dev.flywayautogen.core.ops.Operation;
import dev.flywayautogen.core.ops.RenameColumn;
import dev.flywayautogen.core.ops.RenameTable;
import dev.flywayautogen.core.ops.SchemaChanges;
import dev.flywayautogen.core.dialect.DialectPlanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * SQLite planning: native ALTER TABLE where SQLite's rules allow it (https://www.sqlite.org/lang_altertable.html),
 * a table rebuild ({@link TableRebuild}) for everything else. Emission order: table renames, new tables, drops of
 * tables nothing surviving references, native changes, the rebuild block, remaining table drops.
 */
public final class SqlitePlanner implements DialectPlanner {

    @Override
    public String dialectName() {
        return "sqlite";
    }

    @Override
    public List<String> plan(Schema current, List<Operation> operations) {
        Schema target = SchemaChanges.apply(current, operations);
        List<String> finalNames = finalTableNames(operations);
        Set<String> rebuild = tablesNeedingRebuild(current, operations, finalNames);

        List<String> out = new ArrayList<>();
        Schema s = current;
        for (Operation op : operations) {
            if (op instanceof RenameTable r) {
                if (r.from().equalsIgnoreCase(r.to())) {
                    // SQLite sees "fruit" and "Fruit" as one name and refuses the rename: go through another name
                    String step = r.from() + TableRebuild.NEW_SUFFIX;
                    out.add("ALTER TABLE " + SqliteDdl.q(r.from()) + " RENAME TO " + SqliteDdl.q(step));
                    out.add("ALTER TABLE " + SqliteDdl.q(step) + " RENAME TO " + SqliteDdl.q(r.to()));
                } else {
                    out.add("ALTER TABLE " + SqliteDdl.q(r.from()) + " RENAME TO " + SqliteDdl.q(r.to()));
                }
                s = SchemaChanges.apply(s, op);
            }
        }
        for (Operation op : operations) {
            if (op instanceof CreateTable c) {
                out.add(SqliteDdl.createTable(c.definition(), c.table(), n -> n));
                c.definition().indexes().forEach(i -> out.add(SqliteDdl.createIndex(c.table(), i)));
                out.addAll(c.definition().initCommands()); // Hibernate's own rows, e.g. a sequence's initial value
                s = SchemaChanges.apply(s, op);
            }
        }
        List<DropTable> laterDrops = new ArrayList<>();
        for (Operation op : operations) {
            if (op instanceof DropTable d) {
                if (referencedBySurvivor(d.table(), s, target)) {
                    laterDrops.add(d); // after the rebuild removed the references, so no ON DELETE action fires
                } else {
                    out.add("DROP TABLE " + SqliteDdl.q(d.table()));
                    s = SchemaChanges.apply(s, op);
                }
            }
        }
        rebuild = TableRebuild.withDependents(rebuild, s, target);
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (op instanceof RenameTable || op instanceof CreateTable || op instanceof DropTable) {
                continue;
            }
            String table = finalNames.get(i);
            if (!rebuild.contains(table)) {
                out.add(nativeStatement(op, table));
                s = SchemaChanges.apply(s, renamedTo(op, table));
            }
        }
        if (!rebuild.isEmpty()) {
            out.addAll(new TableRebuild(s, target, rebuild, operations, finalNames).statements());
        }
        laterDrops.forEach(d -> out.add("DROP TABLE " + SqliteDdl.q(d.table())));
        return out;
    }

    private static String nativeStatement(Operation op, String table) {
        if (op instanceof AddColumn a) {
            return "ALTER TABLE " + SqliteDdl.q(table) + " ADD COLUMN " + SqliteDdl.columnDefinition(a.column(), a.column().type().declared());
        }
        if (op instanceof DropColumn d) {
            return "ALTER TABLE " + SqliteDdl.q(table) + " DROP COLUMN " + SqliteDdl.q(d.column().name());
        }
        if (op instanceof RenameColumn r) {
            return "ALTER TABLE " + SqliteDdl.q(table) + " RENAME COLUMN " + SqliteDdl.q(r.from()) + " TO " + SqliteDdl.q(r.to());
        }
        if (op instanceof CreateIndex c) {
            return SqliteDdl.createIndex(table, c.index());
        }
        if (op instanceof DropIndex d) {
            return SqliteDdl.dropIndex(d.index());
        }
        throw new IllegalStateException("no native SQLite statement for " + op.describe());
    }

    /** The same operation addressed to the table's final name (renames were emitted first). */
    private static Operation renamedTo(Operation op, String table) {
        if (op.table().equals(table)) {
            return op;
        }
        if (op instanceof AddColumn a) {
            return new AddColumn(table, a.column());
        }
        if (op instanceof DropColumn d) {
            return new DropColumn(table, d.column());
        }
        if (op instanceof RenameColumn r) {
            return new RenameColumn(table, r.from(), r.to());
        }
        if (op instanceof CreateIndex c) {
            return new CreateIndex(table, c.index());
        }
        if (op instanceof DropIndex d) {
            return new DropIndex(table, d.index());
        }
        return op;
    }

    /** For each operation, the name its table has once every table rename in the list has run. */
    static List<String> finalTableNames(List<Operation> operations) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            String name = operations.get(i) instanceof RenameTable r ? r.to() : operations.get(i).table();
            for (int j = i + 1; j < operations.size(); j++) {
                if (operations.get(j) instanceof RenameTable r && r.from().equals(name)) {
                    name = r.to();
                }
            }
            names.add(name);
        }
        return names;
    }

    private static Set<String> tablesNeedingRebuild(Schema current, List<Operation> operations, List<String> finalNames) {
        Set<String> rebuild = new TreeSet<>();
        Schema s = current;
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (!isNativeOn(op, s)) {
                rebuild.add(finalNames.get(i));
            }
            s = SchemaChanges.apply(s, op);
        }
        return rebuild;
    }

    /** SQLite's own limits on ALTER TABLE ADD/DROP COLUMN, checked against the table as it is when the op runs. */
    private static boolean isNativeOn(Operation op, Schema s) {
        if (op instanceof RenameTable || op instanceof CreateTable || op instanceof DropTable || op instanceof RenameColumn
                || op instanceof CreateIndex || op instanceof DropIndex) {
            return true;
        }
        if (op instanceof AddColumn a) {
            Column c = a.column();
            return SqliteDdl.isConstant(c.defaultValue()) && (c.nullable() || c.hasDefault());
        }
        if (op instanceof DropColumn d) {
            Table t = s.requireTable(d.table());
            String col = d.column().name();
            boolean constrained = t.primaryKey().columns().contains(col)
                    || t.uniques().stream().anyMatch(u -> u.columns().contains(col))
                    || t.indexes().stream().anyMatch(i -> i.columns().contains(col))
                    || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(col))
                    || s.tables().stream().flatMap(x -> x.foreignKeys().stream())
                        .anyMatch(f -> f.referencedTable().equals(t.name()) && f.referencedColumns().contains(col))
                    || t.checks().stream().anyMatch(c -> SchemaChanges.renameIdentifier(c.expression(), col, "\u0000").contains("\u0000"))
                    || s.triggers().stream().anyMatch(tr -> mentions(tr.sql(), col))
                    || s.views().stream().anyMatch(v -> mentions(v.sql(), col));
            return !constrained;
        }
        return false;
    }

    private static boolean referencedBySurvivor(String table, Schema s, Schema target) {
        for (Table t : s.tables()) {
            if (!t.name().equals(table) && target.table(t.name()).isPresent()) {
                for (ForeignKey fk : t.foreignKeys()) {
                    if (fk.referencedTable().equals(table)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean mentions(String sql, String identifier) {
        return sql.toLowerCase(Locale.ROOT).matches("(?s).*(?<![a-z0-9_$])" + java.util.regex.Pattern.quote(identifier) + "(?![a-z0-9_$]).*");
    }
}
