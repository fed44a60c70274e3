package dev.flywayautogen.core.sqlite;

import dev.flywayautogen.core.dialect.Statement;
import dev.flywayautogen.core.model.Column;
import dev.flywayautogen.core.model.Schema;
import dev.flywayautogen.core.model.Table;
import dev.flywayautogen.core.ops.AddCheck;
import dev.flywayautogen.core.ops.AddColumn;
import dev.flywayautogen.core.ops.AddForeignKey;
import dev.flywayautogen.core.ops.AddUnique;
import dev.flywayautogen.core.ops.AlterColumn;
import dev.flywayautogen.core.ops.AlterPrimaryKey;
import dev.flywayautogen.core.ops.AlterEnumType;
import dev.flywayautogen.core.ops.AlterSequence;
import dev.flywayautogen.core.ops.CreateEnumType;
import dev.flywayautogen.core.ops.DropEnumType;
import dev.flywayautogen.core.ops.CreateIndex;
import dev.flywayautogen.core.ops.CreateSequence;
import dev.flywayautogen.core.ops.CreateTable;
import dev.flywayautogen.core.ops.DropCheck;
import dev.flywayautogen.core.ops.DropColumn;
import dev.flywayautogen.core.ops.DropForeignKey;
import dev.flywayautogen.core.ops.DropIndex;
import dev.flywayautogen.core.ops.DropSequence;
import dev.flywayautogen.core.ops.DropTable;
import dev.flywayautogen.core.ops.DropUnique;
import dev.flywayautogen.core.ops.Operation;
import dev.flywayautogen.core.ops.OperationVisitor;
import dev.flywayautogen.core.ops.RenameColumn;
import dev.flywayautogen.core.ops.RenameTable;
import dev.flywayautogen.core.ops.SchemaChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQLite's own statements for one operation (https://www.sqlite.org/lang_altertable.html), or empty when SQLite
 * cannot make the change in place and the table must be rebuilt. Judged on the schema as it is when the operation
 * runs; {@code table} is the table's name at that point (renames are emitted first). {@code applied} is the
 * operation as the database then applies it, addressed to that name.
 */
record NativeAlter(List<String> statements, Operation applied) {

    List<Statement> typed() {
        return statements.stream().map(sql -> Statement.sql(sql, applied)).toList();
    }

    static Optional<NativeAlter> of(Operation op, Schema schema, String table) {
        return op.accept(new Finder(schema, table));
    }

    private record Finder(Schema s, String table) implements OperationVisitor<Optional<NativeAlter>> {

        public Optional<NativeAlter> createTable(CreateTable op) {
            List<String> out = new ArrayList<>();
            out.add(SqliteDdl.createTable(op.definition(), op.table(), n -> n));
            op.definition().indexes().forEach(i -> out.add(SqliteDdl.createIndex(op.table(), i)));
            out.addAll(op.definition().initCommands()); // Hibernate's own rows, e.g. a sequence's initial value
            return Optional.of(new NativeAlter(out, op));
        }

        public Optional<NativeAlter> dropTable(DropTable op) {
            return Optional.of(new NativeAlter(List.of("DROP TABLE " + SqliteDdl.q(op.table())), op));
        }

        public Optional<NativeAlter> renameTable(RenameTable op) {
            if (op.from().equalsIgnoreCase(op.to())) {
                // SQLite sees "fruit" and "Fruit" as one name and refuses the rename: go through another name
                String step = op.from() + TableRebuild.NEW_SUFFIX;
                return Optional.of(new NativeAlter(List.of(
                        "ALTER TABLE " + SqliteDdl.q(op.from()) + " RENAME TO " + SqliteDdl.q(step),
                        "ALTER TABLE " + SqliteDdl.q(step) + " RENAME TO " + SqliteDdl.q(op.to())), op));
            }
            return Optional.of(new NativeAlter(List.of(
                    "ALTER TABLE " + SqliteDdl.q(op.from()) + " RENAME TO " + SqliteDdl.q(op.to())), op));
        }

        /** ADD COLUMN takes only a constant default, and a NOT NULL column only with one. */
        public Optional<NativeAlter> addColumn(AddColumn op) {
            Column c = op.column();
            if (!SqliteDdl.isConstant(c.defaultValue()) || !(c.nullable() || c.hasDefault())) {
                return Optional.empty();
            }
            return alter("ADD COLUMN " + SqliteDdl.columnDefinition(c, c.type().declared()), new AddColumn(table, c));
        }

        /** DROP COLUMN refuses a column any key, index, constraint, trigger or view mentions. */
        public Optional<NativeAlter> dropColumn(DropColumn op) {
            Table t = s.requireTable(op.table());
            String col = op.column().name();
            boolean constrained = t.primaryKey().columns().contains(col)
                    || t.uniques().stream().anyMatch(u -> u.columns().contains(col))
                    || t.indexes().stream().anyMatch(i -> i.columns().contains(col))
                    || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(col))
                    || s.tables().stream().flatMap(x -> x.foreignKeys().stream())
                        .anyMatch(f -> f.referencedTable().equals(t.name()) && f.referencedColumns().contains(col))
                    || t.checks().stream().anyMatch(c -> SchemaChanges.renameIdentifier(c.expression(), col, "\u0000").contains("\u0000"))
                    || s.triggers().stream().anyMatch(tr -> SqlitePlanner.mentions(tr.sql(), col))
                    || s.views().stream().anyMatch(v -> SqlitePlanner.mentions(v.sql(), col));
            return constrained ? Optional.empty()
                    : alter("DROP COLUMN " + SqliteDdl.q(col), new DropColumn(table, op.column()));
        }

        public Optional<NativeAlter> renameColumn(RenameColumn op) {
            return alter("RENAME COLUMN " + SqliteDdl.q(op.from()) + " TO " + SqliteDdl.q(op.to()),
                    new RenameColumn(table, op.from(), op.to()));
        }

        public Optional<NativeAlter> createIndex(CreateIndex op) {
            return Optional.of(new NativeAlter(List.of(SqliteDdl.createIndex(table, op.index())), new CreateIndex(table, op.index())));
        }

        public Optional<NativeAlter> dropIndex(DropIndex op) {
            return Optional.of(new NativeAlter(List.of(SqliteDdl.dropIndex(op.index())), new DropIndex(table, op.index())));
        }

        // SQLite's ALTER TABLE changes no column definition, key or table constraint: those are rebuilds.

        public Optional<NativeAlter> alterColumn(AlterColumn op) {
            return Optional.empty();
        }

        public Optional<NativeAlter> alterPrimaryKey(AlterPrimaryKey op) {
            return Optional.empty();
        }

        public Optional<NativeAlter> addUnique(AddUnique op) {
            return Optional.empty();
        }

        public Optional<NativeAlter> dropUnique(DropUnique op) {
            return Optional.empty();
        }

        public Optional<NativeAlter> addForeignKey(AddForeignKey op) {
            return Optional.empty();
        }

        public Optional<NativeAlter> dropForeignKey(DropForeignKey op) {
            return Optional.empty();
        }

        public Optional<NativeAlter> addCheck(AddCheck op) {
            return Optional.empty();
        }

        public Optional<NativeAlter> dropCheck(DropCheck op) {
            return Optional.empty();
        }

        // Hibernate emulates sequences with tables on SQLite, so the model never holds one there.

        public Optional<NativeAlter> createSequence(CreateSequence op) {
            throw noSequences(op);
        }

        public Optional<NativeAlter> dropSequence(DropSequence op) {
            throw noSequences(op);
        }

        public Optional<NativeAlter> alterSequence(AlterSequence op) {
            throw noSequences(op);
        }

        private static IllegalStateException noSequences(Operation op) {
            return new IllegalStateException("SQLite has no sequences: " + op.describe());
        }

        // Hibernate's SQLite dialect declares enums as text (with a CHECK), never as a named type.

        public Optional<NativeAlter> createEnumType(CreateEnumType op) {
            throw noEnumTypes(op);
        }

        public Optional<NativeAlter> dropEnumType(DropEnumType op) {
            throw noEnumTypes(op);
        }

        public Optional<NativeAlter> alterEnumType(AlterEnumType op) {
            throw noEnumTypes(op);
        }

        private static IllegalStateException noEnumTypes(Operation op) {
            return new IllegalStateException("SQLite has no enum types: " + op.describe());
        }

        private Optional<NativeAlter> alter(String action, Operation applied) {
            return Optional.of(new NativeAlter(List.of("ALTER TABLE " + SqliteDdl.q(table) + " " + action), applied));
        }
    }
}
