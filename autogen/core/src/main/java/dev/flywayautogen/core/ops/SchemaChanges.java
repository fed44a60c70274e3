package dev.flywayautogen.core.ops;

import dev.flywayautogen.core.model.CheckConstraint;
import dev.flywayautogen.core.model.ForeignKey;
import dev.flywayautogen.core.model.Index;
import dev.flywayautogen.core.model.PrimaryKey;
import dev.flywayautogen.core.model.Schema;
import dev.flywayautogen.core.model.Table;
import dev.flywayautogen.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies operations to a model, the way the database will apply them. Planners use it to know the exact table a
 * rebuild must create (the declared model, not a reflection of the database), and the self-check uses it to know
 * what the database must look like after the script.
 */
public final class SchemaChanges {

    private SchemaChanges() {
    }

    public static Schema apply(Schema schema, List<Operation> operations) {
        Schema s = schema;
        for (Operation op : operations) {
            s = apply(s, op);
        }
        return s;
    }

    public static Schema apply(Schema schema, Operation op) {
        if (op instanceof CreateTable c) {
            List<Table> tables = new ArrayList<>(schema.tables());
            tables.add(c.definition());
            return schema.withTables(tables);
        }
        if (op instanceof DropTable d) {
            return schema.withTables(schema.tables().stream().filter(t -> !t.name().equals(d.table())).toList());
        }
        if (op instanceof RenameTable r) {
            // SQLite (and PostgreSQL) re-point foreign keys of other tables at the renamed table.
            return schema.withAutoincrementTables(schema.autoincrementTables().stream()
                            .map(n -> n.equals(r.from()) ? r.to() : n).toList())
                    .withTables(schema.tables().stream()
                    .map(t -> t.name().equals(r.from()) ? t.withName(r.to()) : t)
                    .map(t -> t.withForeignKeys(t.foreignKeys().stream()
                            .map(fk -> fk.referencedTable().equals(r.from()) ? fk.withReferencedTable(r.to()) : fk).toList()))
                    .toList());
        }
        if (op instanceof RenameColumn r) {
            return renameColumn(schema, r);
        }
        return change(schema, op.table(), t -> applyToTable(t, op));
    }

    private static Table applyToTable(Table t, Operation op) {
        if (op instanceof AddColumn a) {
            return t.withColumns(cols -> append(cols, a.column()));
        }
        if (op instanceof DropColumn d) {
            return t.withColumns(cols -> cols.stream().filter(c -> !c.name().equals(d.column().name())).toList());
        }
        if (op instanceof AlterColumn a) {
            return t.withColumns(cols -> cols.stream().map(c -> c.name().equals(a.to().name()) ? a.to() : c).toList());
        }
        if (op instanceof AlterPrimaryKey p) {
            return t.withPrimaryKey(p.to());
        }
        if (op instanceof CreateIndex c) {
            return t.withIndexes(append(t.indexes(), c.index()));
        }
        if (op instanceof DropIndex d) {
            return t.withIndexes(t.indexes().stream().filter(i -> !i.name().equals(d.index().name())).toList());
        }
        if (op instanceof AddUnique a) {
            return t.withUniques(append(t.uniques(), a.unique()));
        }
        if (op instanceof DropUnique d) {
            return t.withUniques(t.uniques().stream().filter(u -> !u.equals(d.unique())).toList());
        }
        if (op instanceof AddForeignKey a) {
            return t.withForeignKeys(append(t.foreignKeys(), a.foreignKey()));
        }
        if (op instanceof DropForeignKey d) {
            return t.withForeignKeys(t.foreignKeys().stream().filter(f -> !f.equals(d.foreignKey())).toList());
        }
        if (op instanceof AddCheck a) {
            return t.withChecks(append(t.checks(), a.check()));
        }
        if (op instanceof DropCheck d) {
            return t.withChecks(t.checks().stream().filter(c -> !c.equals(d.check())).toList());
        }
        throw new IllegalArgumentException("not a table-level operation: " + op);
    }

    private static Schema renameColumn(Schema schema, RenameColumn r) {
        UnaryOperator<List<String>> rename = cols -> cols.stream().map(c -> c.equals(r.from()) ? r.to() : c).toList();
        Schema renamed = change(schema, r.table(), t -> new Table(t.name(),
                t.columns().stream().map(c -> c.name().equals(r.from()) ? c.withName(r.to()) : c).toList(),
                new PrimaryKey(t.primaryKey().name(), rename.apply(t.primaryKey().columns())),
                t.uniques().stream().map(u -> new UniqueConstraint(u.name(), rename.apply(u.columns()))).toList(),
                t.indexes().stream().map(i -> new Index(i.name(), rename.apply(i.columns()), i.unique())).toList(),
                t.foreignKeys().stream().map(f -> new ForeignKey(f.name(), rename.apply(f.columns()), f.referencedTable(),
                        f.referencedTable().equals(t.name()) ? rename.apply(f.referencedColumns()) : f.referencedColumns(), f.onDelete())).toList(),
                t.checks().stream().map(c -> new CheckConstraint(c.name(), renameIdentifier(c.expression(), r.from(), r.to()))).toList(),
                t.initCommands()));
        // Foreign keys in other tables that point at the renamed column follow it.
        return renamed.withTables(renamed.tables().stream().map(t -> t.name().equals(r.table()) ? t
                : t.withForeignKeys(t.foreignKeys().stream().map(f -> f.referencedTable().equals(r.table())
                        ? new ForeignKey(f.name(), f.columns(), f.referencedTable(), rename.apply(f.referencedColumns()), f.onDelete())
                        : f).toList())).toList());
    }

    /** Replaces a whole-word identifier outside string literals (expressions are normalised, so unquoted). */
    public static String renameIdentifier(String expression, String from, String to) {
        StringBuilder out = new StringBuilder();
        String[] parts = expression.split("(?=')|(?<=')", -1);
        boolean inLiteral = false;
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(from) + "(?![A-Za-z0-9_$])");
        for (String part : parts) {
            if (part.equals("'")) {
                inLiteral = !inLiteral;
                out.append(part);
            } else {
                out.append(inLiteral ? part : word.matcher(part).replaceAll(Matcher.quoteReplacement(to)));
            }
        }
        return out.toString();
    }

    private static Schema change(Schema schema, String table, UnaryOperator<Table> change) {
        if (schema.table(table).isEmpty()) {
            throw new IllegalArgumentException("operation on unknown table '" + table + "'");
        }
        return schema.withTables(schema.tables().stream().map(t -> t.name().equals(table) ? change.apply(t) : t).toList());
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

}
