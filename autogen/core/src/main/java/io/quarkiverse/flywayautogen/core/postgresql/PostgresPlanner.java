package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.DialectPlanner;
import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Schema;
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

import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import io.quarkiverse.flywayautogen.core.rollout.SafePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.quarkiverse.flywayautogen.core.postgresql.PostgresDdl.q;

/**
 * PostgreSQL planning: its DDL is transactional and ALTER TABLE expresses every operation, so each maps
 * one-to-one onto statements (https://www.postgresql.org/docs/15/sql-altertable.html). The one reordering: the
 * foreign keys of new tables are added after all of them exist, since new tables may reference each other. The one
 * pairing: a constraint dropped and added back under a new name is renamed in place ({@link ConstraintRenames}).
 */
public final class PostgresPlanner implements DialectPlanner {

    @Override
    public String dialectName() {
        return PostgresDialect.NAME;
    }

    @Override
    public List<Statement> plan(Schema current, List<Operation> operations) {
        List<Statement> out = new ArrayList<>();
        List<Statement> newTablesForeignKeys = new ArrayList<>();
        Statements statements = new Statements(current, operations);
        ConstraintRenames renames = new ConstraintRenames(operations);
        for (Operation op : operations) {
            statements.planning = op;
            if (renames.renameFor(op) != null || renames.absorbed(op)) {
                if (renames.renameFor(op) != null) {
                    out.add(Statement.sql(renames.renameFor(op), op));
                }
                continue;
            }
            if (op instanceof CreateTable create) {
                create.definition().foreignKeys().forEach(fk -> newTablesForeignKeys.add(Statement.sql(
                        alter(create.table(), "ADD " + PostgresDdl.foreignKey(fk)), op)));
            } else {
                out.addAll(newTablesForeignKeys);
                newTablesForeignKeys.clear();
            }
            op.accept(statements).forEach(sql -> out.add(Statement.sql(sql, op)));
        }
        out.addAll(newTablesForeignKeys);
        return out;
    }

    /** The plain plan, rewritten by {@link PostgresSafeForm}. */
    @Override
    public Optional<SafePlan> planSafe(Schema current, List<Operation> operations, RolloutSettings settings) {
        return Optional.of(PostgresSafeForm.rewrite(plan(current, operations), settings));
    }

    private static String alter(String table, String action) {
        return "ALTER TABLE " + q(table) + " " + action;
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
            List<String> out = new ArrayList<>();
            out.add(PostgresDdl.createTable(op.definition()));
            op.definition().columns().stream().filter(c -> c.comment() != null)
                    .forEach(c -> out.add(PostgresDdl.commentOn(op.table(), c)));
            op.definition().indexes().forEach(i -> out.add(PostgresDdl.createIndex(op.table(), i)));
            return out;
        }

        /** CASCADE would silently drop the foreign keys of other tables; the comparator drops those first. */
        public List<String> dropTable(DropTable op) {
            return List.of("DROP TABLE " + q(op.table()));
        }

        public List<String> renameTable(RenameTable op) {
            return List.of(alter(op.from(), "RENAME TO " + q(op.to())));
        }

        /** A NOT NULL column with a default fills existing rows with it in the same statement. */
        public List<String> addColumn(AddColumn op) {
            String add = alter(op.table(), "ADD COLUMN " + PostgresDdl.columnDefinition(op.column()));
            return op.column().comment() == null ? List.of(add) : List.of(add, PostgresDdl.commentOn(op.table(), op.column()));
        }

        public List<String> dropColumn(DropColumn op) {
            return List.of(alter(op.table(), "DROP COLUMN " + q(op.column().name())));
        }

        public List<String> renameColumn(RenameColumn op) {
            return List.of(alter(op.table(), "RENAME COLUMN " + q(op.from()) + " TO " + q(op.to())));
        }

        /**
         * Type first (USING casts the stored values, and fails the whole script on one that does not convert),
         * then the default, then nullability: a column tightened to NOT NULL takes its new default where rows hold
         * NULL, as on SQLite; without a default, SET NOT NULL fails on such a row, naming the column.
         */
        public List<String> alterColumn(AlterColumn op) {
            Column from = op.from();
            Column to = op.to();
            String column = q(to.name());
            List<String> out = new ArrayList<>();
            if (!from.type().sameTypeAs(to.type())) {
                String type = PostgresTypes.typeText(to.type());
                out.add(alter(op.table(), "ALTER COLUMN " + column + " TYPE " + type + " USING "
                        + PostgresTypes.conversion(from.type(), to.type(), column)));
            }
            if (from.type().generated() && !to.type().generated()) {
                // the ids now come from Hibernate (a sequence generator): the database stops numbering rows
                out.add(alter(op.table(), "ALTER COLUMN " + column
                        + (PostgresTypes.isIdentity(from.type()) ? " DROP IDENTITY" : " DROP DEFAULT")));
            } else if (!from.type().generated() && to.type().generated()) {
                // an identity starts at 1: it continues after the ids the rows already have
                out.add(alter(op.table(), "ALTER COLUMN " + column + " ADD GENERATED BY DEFAULT AS IDENTITY"));
                out.add("SELECT setval(pg_get_serial_sequence('" + q(op.table()).replace("'", "''") + "', '"
                        + to.name().replace("'", "''") + "'), coalesce(max(" + column + "), 0) + 1, false) FROM " + q(op.table()));
            }
            if (!java.util.Objects.equals(from.defaultValue(), to.defaultValue())) {
                out.add(alter(op.table(), "ALTER COLUMN " + column
                        + (to.hasDefault() ? " SET DEFAULT " + PostgresDdl.defaultClause(to) : " DROP DEFAULT")));
            }
            if (!java.util.Objects.equals(from.comment(), to.comment())) {
                out.add(PostgresDdl.commentOn(op.table(), to));
            }
            if (from.nullable() != to.nullable()) {
                if (!to.nullable() && to.hasDefault()) {
                    out.add("UPDATE " + q(op.table()) + " SET " + column + " = " + PostgresDdl.defaultClause(to)
                            + " WHERE " + column + " IS NULL");
                }
                out.add(alter(op.table(), "ALTER COLUMN " + column + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL")));
            }
            return out;
        }

        public List<String> alterPrimaryKey(AlterPrimaryKey op) {
            List<String> out = new ArrayList<>();
            if (op.from().isPresent()) {
                out.add(alter(op.table(), "DROP CONSTRAINT " + q(op.from().name())));
            }
            if (op.to().isPresent()) {
                out.add(alter(op.table(), "ADD " + PostgresDdl.primaryKey(op.to())));
            }
            return out;
        }

        public List<String> createIndex(CreateIndex op) {
            return List.of(PostgresDdl.createIndex(op.table(), op.index()));
        }

        public List<String> dropIndex(DropIndex op) {
            return List.of("DROP INDEX " + q(op.index().name()));
        }

        public List<String> addUnique(AddUnique op) {
            return List.of(alter(op.table(), "ADD " + PostgresDdl.unique(op.unique())));
        }

        public List<String> dropUnique(DropUnique op) {
            return List.of(alter(op.table(), "DROP CONSTRAINT " + q(op.unique().name())));
        }

        public List<String> addForeignKey(AddForeignKey op) {
            return List.of(alter(op.table(), "ADD " + PostgresDdl.foreignKey(op.foreignKey())));
        }

        public List<String> dropForeignKey(DropForeignKey op) {
            return List.of(alter(op.table(), "DROP CONSTRAINT " + q(op.foreignKey().name())));
        }

        public List<String> addCheck(AddCheck op) {
            return List.of(alter(op.table(), "ADD " + PostgresDdl.check(op.check())));
        }

        public List<String> dropCheck(DropCheck op) {
            return List.of(alter(op.table(), "DROP CONSTRAINT " + q(op.check().name())));
        }

        public List<String> createSequence(CreateSequence op) {
            List<String> out = new ArrayList<>();
            out.add("CREATE SEQUENCE " + q(op.sequence().name()) + " START WITH " + op.sequence().start()
                    + " INCREMENT BY " + op.sequence().increment());
            SequenceContinuation.forExistingTable(current, op.sequence()).ifPresent(out::add);
            return out;
        }

        public List<String> dropSequence(DropSequence op) {
            return List.of("DROP SEQUENCE " + q(op.sequence().name()));
        }

        /** The sequence's current value is kept; START WITH only sets where a RESTART would begin. */
        public List<String> alterSequence(AlterSequence op) {
            return List.of("ALTER SEQUENCE " + q(op.to().name()) + " INCREMENT BY " + op.to().increment()
                    + " START WITH " + op.to().start());
        }

        public List<String> createEnumType(CreateEnumType op) {
            return EnumTypeDdl.create(op.type());
        }

        public List<String> dropEnumType(DropEnumType op) {
            return EnumTypeDdl.drop(op.type().name());
        }

        public List<String> alterEnumType(AlterEnumType op) {
            return op.from().onlyAddsTo(op.to()) ? EnumTypeDdl.addValues(op.from(), op.to())
                    : EnumTypeDdl.recreate(op.to(), EnumTypeDdl.columnsOfType(schemaBeforePlanned(), op.from().name()));
        }
    }
}
