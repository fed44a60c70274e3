package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.dialect.DialectPlanner;
import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterEnumType;
import io.quarkiverse.flywayautogen.core.ops.AlterPrimaryKey;
import io.quarkiverse.flywayautogen.core.ops.AlterSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateEnumType;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropCheck;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropEnumType;
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

import static io.quarkiverse.flywayautogen.core.mariadb.MariaDbDdl.alter;
import static io.quarkiverse.flywayautogen.core.mariadb.MariaDbDdl.q;

/**
 * MariaDB planning: ALTER TABLE expresses every operation (a column change is one {@code MODIFY COLUMN} with the
 * whole new definition), but no DDL is transactional, so the operations are put in {@link NonAtomicOrder} first and
 * the script says so at its top. The foreign keys of new tables are added once all of them exist.
 */
final class MariaDbPlanner implements DialectPlanner {

    @Override
    public String dialectName() {
        return MariaDbDialect.NAME;
    }

    @Override
    public List<Statement> plan(Schema current, List<Operation> operations) {
        NonAtomicOrder.Ordered ordered = NonAtomicOrder.order(operations);
        List<Statement> out = new ArrayList<>(header(ordered));
        List<Statement> newTablesForeignKeys = new ArrayList<>();
        Statements statements = new Statements(current, ordered.operations());
        for (Operation op : ordered.operations()) {
            statements.planning = op;
            if (op instanceof CreateTable create) {
                create.definition().foreignKeys().forEach(fk -> newTablesForeignKeys.add(Statement.sql(
                        alter(create.table(), "ADD " + MariaDbDdl.foreignKey(fk)), op)));
            } else {
                out.addAll(newTablesForeignKeys);
                newTablesForeignKeys.clear();
            }
            op.accept(statements).forEach(sql -> out.add(Statement.sql(sql, op)));
        }
        out.addAll(newTablesForeignKeys);
        return out;
    }

    private static List<Statement> header(NonAtomicOrder.Ordered ordered) {
        if (ordered.operations().isEmpty()) {
            return List.of();
        }
        List<Statement> header = new ArrayList<>();
        header.add(Statement.comment("Not atomic: MariaDB commits each statement below on its own (no transactional DDL)."
                + " If one fails, those before it stay applied and Flyway records the migration as failed."));
        if (!ordered.mayFailOnData().isEmpty()) {
            header.add(Statement.comment("Run first, as they can fail on the rows present: "
                    + String.join("; ", ordered.mayFailOnData().stream().map(Operation::describe).toList())));
        }
        if (!ordered.cannotBeUndone().isEmpty()) {
            header.add(Statement.comment("Run last, as they cannot be undone: "
                    + String.join("; ", ordered.cannotBeUndone().stream().map(Operation::describe).toList())));
        }
        return header;
    }

    private static final class Statements implements OperationVisitor<List<String>> {

        private final Schema current;
        private final List<Operation> operations;
        private Operation planning;

        Statements(Schema current, List<Operation> operations) {
            this.current = current;
            this.operations = operations;
        }

        /** The schema as it is when the operation being planned runs; worked out only for the few that need it. */
        private Schema schemaBeforePlanned() {
            return SchemaChanges.apply(current, operations.subList(0, operations.indexOf(planning)));
        }

        public List<String> createTable(CreateTable op) {
            return List.of(MariaDbDdl.createTable(op.definition()));
        }

        public List<String> dropTable(DropTable op) {
            return List.of("DROP TABLE " + q(op.table()));
        }

        public List<String> renameTable(RenameTable op) {
            return List.of("RENAME TABLE " + q(op.from()) + " TO " + q(op.to()));
        }

        public List<String> addColumn(AddColumn op) {
            return List.of(alter(op.table(), "ADD COLUMN " + MariaDbDdl.columnDefinition(op.column())));
        }

        public List<String> dropColumn(DropColumn op) {
            return List.of(alter(op.table(), "DROP COLUMN " + q(op.column().name())));
        }

        public List<String> renameColumn(RenameColumn op) {
            return List.of(alter(op.table(), "RENAME COLUMN " + q(op.from()) + " TO " + q(op.to())));
        }

        /**
         * One MODIFY with the whole new definition (type, default, nullability, auto_increment): MariaDB converts the
         * stored values and, in strict mode, fails on one that does not fit or on a NULL left in a NOT NULL column.
         * A column tightened to NOT NULL with a default first takes it where rows hold NULL.
         */
        public List<String> alterColumn(AlterColumn op) {
            Column from = op.from();
            Column to = op.to();
            List<String> out = new ArrayList<>();
            if (from.nullable() && !to.nullable() && to.hasDefault()) {
                out.add("UPDATE " + q(op.table()) + " SET " + q(to.name()) + " = " + MariaDbDdl.defaultClause(to)
                        + " WHERE " + q(to.name()) + " IS NULL");
            }
            out.add(alter(op.table(), "MODIFY COLUMN " + MariaDbDdl.columnDefinition(to)));
            return out;
        }

        /** One statement, so the table is never left without its key. */
        public List<String> alterPrimaryKey(AlterPrimaryKey op) {
            List<String> actions = new ArrayList<>();
            if (op.from().isPresent()) {
                actions.add("DROP PRIMARY KEY");
            }
            if (op.to().isPresent()) {
                actions.add("ADD " + MariaDbDdl.primaryKey(op.to()));
            }
            return List.of(alter(op.table(), String.join(", ", actions)));
        }

        public List<String> createIndex(CreateIndex op) {
            return List.of(MariaDbDdl.createIndex(op.table(), op.index()));
        }

        public List<String> dropIndex(DropIndex op) {
            return List.of("DROP INDEX " + q(op.index().name()) + " ON " + q(op.table()));
        }

        public List<String> addUnique(AddUnique op) {
            return List.of(alter(op.table(), "ADD " + MariaDbDdl.unique(op.unique())));
        }

        public List<String> dropUnique(DropUnique op) {
            return List.of(alter(op.table(), "DROP INDEX " + q(op.unique().name())));
        }

        public List<String> addForeignKey(AddForeignKey op) {
            return List.of(alter(op.table(), "ADD " + MariaDbDdl.foreignKey(op.foreignKey())));
        }

        /** With the index InnoDB made for the key when none served it (named after the key; read as part of it). */
        public List<String> dropForeignKey(DropForeignKey op) {
            String name = q(op.foreignKey().name());
            return List.of(alter(op.table(), "DROP FOREIGN KEY " + name + ", DROP INDEX IF EXISTS " + name));
        }

        public List<String> addCheck(AddCheck op) {
            return List.of(alter(op.table(), "ADD " + MariaDbDdl.check(op.check())));
        }

        /**
         * A check written inside a column's definition is named after the column and belongs to it: DROP CONSTRAINT
         * does not find it, a MODIFY of the column without it removes it.
         */
        public List<String> dropCheck(DropCheck op) {
            Optional<Column> owner = schemaBeforePlanned().table(op.table()).flatMap(t -> t.column(op.check().name()));
            return List.of(alter(op.table(), owner.map(c -> "MODIFY COLUMN " + MariaDbDdl.columnDefinition(c))
                    .orElse("DROP CONSTRAINT " + q(op.check().name()))));
        }

        public List<String> createSequence(CreateSequence op) {
            List<String> out = new ArrayList<>();
            out.add("CREATE SEQUENCE " + q(op.sequence().name()) + " START WITH " + op.sequence().start()
                    + " INCREMENT BY " + op.sequence().increment());
            out.addAll(SequenceContinuation.forExistingTable(schemaBeforePlanned(), op.sequence()));
            return out;
        }

        public List<String> dropSequence(DropSequence op) {
            return List.of("DROP SEQUENCE " + q(op.sequence().name()));
        }

        /** The sequence's next value is kept; START WITH only sets where a RESTART would begin. */
        public List<String> alterSequence(AlterSequence op) {
            return List.of("ALTER SEQUENCE " + q(op.to().name()) + " INCREMENT BY " + op.to().increment()
                    + " START WITH " + op.to().start());
        }

        public List<String> createEnumType(CreateEnumType op) {
            throw noEnumTypes();
        }

        public List<String> dropEnumType(DropEnumType op) {
            throw noEnumTypes();
        }

        public List<String> alterEnumType(AlterEnumType op) {
            throw noEnumTypes();
        }

        /** Hibernate declares MariaDB's enums as column types ({@code enum(...)}), never as named types. */
        private static IllegalStateException noEnumTypes() {
            return new IllegalStateException("MariaDB has no named enum types; its enums are column types");
        }
    }
}
