package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

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
        return op.accept(new Applier(schema));
    }

    /** One operation applied to the schema as the database applies it. */
    private record Applier(Schema schema) implements OperationVisitor<Schema> {

        public Schema createTable(CreateTable op) {
            List<Table> tables = new ArrayList<>(schema.tables());
            tables.add(op.definition());
            return schema.withTables(tables);
        }

        public Schema dropTable(DropTable op) {
            return schema.withTables(schema.tables().stream().filter(t -> !t.name().equals(op.table())).toList());
        }

        public Schema renameTable(RenameTable op) {
            // SQLite (and PostgreSQL) re-point foreign keys of other tables at the renamed table.
            return schema.withAutoincrementTables(schema.autoincrementTables().stream()
                            .map(n -> n.equals(op.from()) ? op.to() : n).toList())
                    .withTables(schema.tables().stream()
                            .map(t -> t.name().equals(op.from()) ? t.withName(op.to()) : t)
                            .map(t -> t.withForeignKeys(t.foreignKeys().stream()
                                    .map(fk -> fk.referencedTable().equals(op.from()) ? fk.withReferencedTable(op.to()) : fk).toList()))
                            .toList());
        }

        public Schema renameColumn(RenameColumn op) {
            return SchemaChanges.renameColumn(schema, op);
        }

        public Schema addColumn(AddColumn op) {
            return change(schema, op.table(), t -> t.withColumns(cols -> append(cols, op.column())));
        }

        public Schema dropColumn(DropColumn op) {
            return change(schema, op.table(), t -> t.withColumns(cols -> cols.stream()
                    .filter(c -> !c.name().equals(op.column().name())).toList()));
        }

        public Schema alterColumn(AlterColumn op) {
            return change(schema, op.table(), t -> t.withColumns(cols -> cols.stream()
                    .map(c -> c.name().equals(op.to().name()) ? op.to() : c).toList()));
        }

        public Schema alterPrimaryKey(AlterPrimaryKey op) {
            return change(schema, op.table(), t -> t.withPrimaryKey(op.to()));
        }

        public Schema createIndex(CreateIndex op) {
            return change(schema, op.table(), t -> t.withIndexes(append(t.indexes(), op.index())));
        }

        public Schema dropIndex(DropIndex op) {
            return change(schema, op.table(), t -> t.withIndexes(t.indexes().stream()
                    .filter(i -> !i.name().equals(op.index().name())).toList()));
        }

        public Schema addUnique(AddUnique op) {
            return change(schema, op.table(), t -> t.withUniques(append(t.uniques(), op.unique())));
        }

        public Schema dropUnique(DropUnique op) {
            return change(schema, op.table(), t -> t.withUniques(t.uniques().stream().filter(u -> !u.equals(op.unique())).toList()));
        }

        public Schema addForeignKey(AddForeignKey op) {
            return change(schema, op.table(), t -> t.withForeignKeys(append(t.foreignKeys(), op.foreignKey())));
        }

        public Schema dropForeignKey(DropForeignKey op) {
            return change(schema, op.table(), t -> t.withForeignKeys(t.foreignKeys().stream()
                    .filter(f -> !f.equals(op.foreignKey())).toList()));
        }

        public Schema addCheck(AddCheck op) {
            return change(schema, op.table(), t -> t.withChecks(append(t.checks(), op.check())));
        }

        public Schema dropCheck(DropCheck op) {
            return change(schema, op.table(), t -> t.withChecks(t.checks().stream().filter(c -> !c.equals(op.check())).toList()));
        }

        public Schema createSequence(CreateSequence op) {
            List<Sequence> sequences = new ArrayList<>(schema.sequences());
            sequences.add(op.sequence());
            return schema.withSequences(sequences);
        }

        public Schema dropSequence(DropSequence op) {
            return schema.withSequences(schema.sequences().stream().filter(q -> !q.name().equals(op.sequence().name())).toList());
        }

        public Schema alterSequence(AlterSequence op) {
            return schema.withSequences(schema.sequences().stream().map(q -> q.name().equals(op.to().name()) ? op.to() : q).toList());
        }

        public Schema createEnumType(CreateEnumType op) {
            return schema.withEnumTypes(append(schema.enumTypes(), op.type()));
        }

        public Schema dropEnumType(DropEnumType op) {
            return schema.withEnumTypes(schema.enumTypes().stream().filter(e -> !e.name().equals(op.type().name())).toList());
        }

        public Schema alterEnumType(AlterEnumType op) {
            return schema.withEnumTypes(schema.enumTypes().stream().map(e -> e.name().equals(op.to().name()) ? op.to() : e).toList());
        }
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
