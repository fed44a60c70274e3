package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterPrimaryKey;
import io.quarkiverse.flywayautogen.core.ops.AlterEnumType;
import io.quarkiverse.flywayautogen.core.ops.AlterSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateEnumType;
import io.quarkiverse.flywayautogen.core.ops.DropEnumType;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropCheck;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropForeignKey;
import io.quarkiverse.flywayautogen.core.ops.DropIndex;
import io.quarkiverse.flywayautogen.core.ops.DropSequence;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.DropUnique;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.OperationVisitor;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.ops.SchemaChanges;

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
