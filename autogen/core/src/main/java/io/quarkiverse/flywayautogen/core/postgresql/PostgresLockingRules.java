package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.model.ColumnType;
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
import io.quarkiverse.flywayautogen.core.ops.OperationVisitor;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's locks that grow with the table, for the statements {@link PostgresPlanner} writes: an index built
 * without {@code CONCURRENTLY} blocks writes while it reads every row; a foreign key or CHECK added without
 * {@code NOT VALID} scans the table under its lock; a type change that is not binary-compatible rewrites the table
 * under ACCESS EXCLUSIVE; {@code SET NOT NULL} scans unless a validated CHECK already proves it. Catalog-only
 * changes (a nullable column, a default, a drop, a rename, a widened varchar) are not listed.
 */
final class PostgresLockingRules implements OperationVisitor<List<RolloutFinding>> {

    private static final List<String> TEXT = List.of("varchar", "text");

    private static List<RolloutFinding> one(Rule rule, String reason) {
        return List.of(new RolloutFinding(rule, reason));
    }

    private static List<RolloutFinding> indexBuild(String table, String name) {
        return one(Rule.LOCKING_INDEX_BUILD, "builds " + name + " without CONCURRENTLY: writes to " + table
                + " wait while every row is read");
    }

    public List<RolloutFinding> createIndex(CreateIndex op) {
        return indexBuild(op.table(), op.index().name());
    }

    public List<RolloutFinding> addUnique(AddUnique op) {
        return indexBuild(op.table(), op.unique().name());
    }

    public List<RolloutFinding> alterPrimaryKey(AlterPrimaryKey op) {
        return op.to().columns().isEmpty() ? List.of() : indexBuild(op.table(), "the primary key " + op.to().columns());
    }

    public List<RolloutFinding> addForeignKey(AddForeignKey op) {
        return one(Rule.LOCKING_FOREIGN_KEY_VALIDATION, "validates " + op.foreignKey().name() + " on add: scans "
                + op.table() + " while holding a lock on it and on " + op.foreignKey().referencedTable()
                + " (NOT VALID, then VALIDATE CONSTRAINT, does not)");
    }

    public List<RolloutFinding> addCheck(AddCheck op) {
        return one(Rule.LOCKING_CHECK_VALIDATION, "validates " + op.check().name() + " on add: scans " + op.table()
                + " under ACCESS EXCLUSIVE (NOT VALID, then VALIDATE CONSTRAINT, does not)");
    }

    public List<RolloutFinding> alterColumn(AlterColumn op) {
        List<RolloutFinding> findings = new ArrayList<>();
        if (rewrites(op.from().type(), op.to().type())) {
            findings.add(new RolloutFinding(Rule.LOCKING_TYPE_REWRITE, "changing " + op.table() + "." + op.to().name()
                    + " from " + op.from().type().canonical() + " to " + op.to().type().canonical()
                    + " rewrites the table under ACCESS EXCLUSIVE"));
        }
        if (op.tightensToNotNull()) {
            findings.add(new RolloutFinding(Rule.LOCKING_NOT_NULL_SCAN, "SET NOT NULL on " + op.table() + "."
                    + op.to().name() + " scans the table under ACCESS EXCLUSIVE (a validated CHECK first avoids it)"));
        }
        return findings;
    }

    /** Binary-compatible changes (a longer or unbounded varchar, varchar into text) only touch the catalog. */
    static boolean rewrites(ColumnType from, ColumnType to) {
        if (from.sameTypeAs(to)) {
            return false;
        }
        if (TEXT.contains(from.base()) && TEXT.contains(to.base())) {
            return !(to.arguments().isEmpty() || (!from.arguments().isEmpty()
                    && to.arguments().get(0) >= from.arguments().get(0)));
        }
        if (from.base().equals("numeric") && to.base().equals("numeric")) {
            return !to.arguments().isEmpty(); // unconstrained numeric takes any numeric as it is
        }
        return true;
    }

    public List<RolloutFinding> createTable(CreateTable op) {
        return List.of();
    }

    public List<RolloutFinding> dropTable(DropTable op) {
        return List.of();
    }

    public List<RolloutFinding> renameTable(RenameTable op) {
        return List.of();
    }

    /** Since PostgreSQL 11 a constant default is stored in the catalog, not written into every row. */
    public List<RolloutFinding> addColumn(AddColumn op) {
        return List.of();
    }

    public List<RolloutFinding> dropColumn(DropColumn op) {
        return List.of();
    }

    public List<RolloutFinding> renameColumn(RenameColumn op) {
        return List.of();
    }

    public List<RolloutFinding> dropIndex(DropIndex op) {
        return List.of();
    }

    public List<RolloutFinding> dropUnique(DropUnique op) {
        return List.of();
    }

    public List<RolloutFinding> dropForeignKey(DropForeignKey op) {
        return List.of();
    }

    public List<RolloutFinding> dropCheck(DropCheck op) {
        return List.of();
    }

    public List<RolloutFinding> createSequence(CreateSequence op) {
        return List.of();
    }

    public List<RolloutFinding> dropSequence(DropSequence op) {
        return List.of();
    }

    public List<RolloutFinding> alterSequence(AlterSequence op) {
        return List.of();
    }

    public List<RolloutFinding> createEnumType(CreateEnumType op) {
        return List.of();
    }

    public List<RolloutFinding> dropEnumType(DropEnumType op) {
        return List.of();
    }

    public List<RolloutFinding> alterEnumType(AlterEnumType op) {
        return List.of();
    }
}
