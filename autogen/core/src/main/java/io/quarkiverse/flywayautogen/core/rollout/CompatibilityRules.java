package io.quarkiverse.flywayautogen.core.rollout;

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

import java.util.ArrayList;
import java.util.List;

/**
 * The rules every database shares, for an operation on a table the previous release already maps (the caller
 * leaves out tables this migration creates): what the previous release cannot live with (expand/contract), what
 * existing rows decide (data-dependent), and what loses data (destructive). Locks are the dialect's business
 * ({@link io.quarkiverse.flywayautogen.core.dialect.Dialect#lockingFindings}).
 */
final class CompatibilityRules implements OperationVisitor<List<RolloutFinding>> {

    static List<RolloutFinding> of(Operation op) {
        List<RolloutFinding> findings = new ArrayList<>(op.accept(new CompatibilityRules()));
        if (op.destructive()) {
            findings.add(new RolloutFinding(Rule.DATA_LOSS, "loses data: " + op.describe()));
        }
        return findings;
    }

    private static List<RolloutFinding> one(Rule rule, String reason) {
        return List.of(new RolloutFinding(rule, reason));
    }

    public List<RolloutFinding> createTable(CreateTable op) {
        return List.of();
    }

    public List<RolloutFinding> dropTable(DropTable op) {
        return one(Rule.DROP_MAPPED_TABLE, "the previous release still reads and writes " + op.table()
                + "; drop it in a later (contract) release");
    }

    public List<RolloutFinding> renameTable(RenameTable op) {
        return one(Rule.RENAME, "the previous release still uses the name " + op.from()
                + "; create the new table and copy, drop the old one in a later release");
    }

    public List<RolloutFinding> addColumn(AddColumn op) {
        if (!op.column().nullable() && !op.column().hasDefault()) {
            return one(Rule.NOT_NULL_WITHOUT_DEFAULT, "the previous release inserts into " + op.table()
                    + " without " + op.column().name() + ", which is NOT NULL without a default");
        }
        return List.of();
    }

    public List<RolloutFinding> dropColumn(DropColumn op) {
        return one(Rule.DROP_MAPPED_COLUMN, "the previous release still reads and writes " + op.table() + "."
                + op.column().name() + "; drop it in a later (contract) release");
    }

    public List<RolloutFinding> renameColumn(RenameColumn op) {
        return one(Rule.RENAME, "the previous release still uses " + op.table() + "." + op.from()
                + "; add " + op.to() + ", copy, and drop " + op.from() + " in a later release");
    }

    public List<RolloutFinding> alterColumn(AlterColumn op) {
        List<RolloutFinding> findings = new ArrayList<>();
        String column = op.table() + "." + op.to().name();
        if (op.from().type().narrowsTo(op.to().type())) {
            findings.add(new RolloutFinding(Rule.NARROWING, "the previous release may write values of "
                    + op.from().type().canonical() + " that " + op.to().type().canonical() + " refuses into " + column));
            findings.add(new RolloutFinding(Rule.NARROWING_ON_EXISTING_ROWS, "fails if a row of " + op.table()
                    + " holds a value of " + op.to().name() + " that " + op.to().type().canonical() + " cannot hold"));
        }
        if (op.tightensToNotNull()) {
            findings.add(new RolloutFinding(Rule.NOT_NULL_TIGHTENING, "the previous release may write NULL into " + column));
            findings.add(new RolloutFinding(Rule.NOT_NULL_ON_EXISTING_ROWS, "fails if a row of " + op.table()
                    + " holds NULL in " + op.to().name() + (op.to().hasDefault() ? "" : " and no default fills it")));
        }
        return findings;
    }

    public List<RolloutFinding> alterPrimaryKey(AlterPrimaryKey op) {
        return one(Rule.UNIQUE_ON_EXISTING_ROWS, "fails if rows of " + op.table() + " repeat the new primary key "
                + op.to().columns());
    }

    public List<RolloutFinding> createIndex(CreateIndex op) {
        return op.index().unique() ? one(Rule.UNIQUE_ON_EXISTING_ROWS, "fails if rows of " + op.table()
                + " repeat " + op.index().columns() + " (" + op.index().name() + ")") : List.of();
    }

    public List<RolloutFinding> dropIndex(DropIndex op) {
        return List.of();
    }

    public List<RolloutFinding> addUnique(AddUnique op) {
        return one(Rule.UNIQUE_ON_EXISTING_ROWS, "fails if rows of " + op.table() + " repeat "
                + op.unique().columns() + " (" + op.unique().name() + ")");
    }

    public List<RolloutFinding> dropUnique(DropUnique op) {
        return List.of();
    }

    public List<RolloutFinding> addForeignKey(AddForeignKey op) {
        return one(Rule.FOREIGN_KEY_ON_EXISTING_ROWS, "fails if a row of " + op.table() + " points to no row of "
                + op.foreignKey().referencedTable() + " (" + op.foreignKey().name() + ")");
    }

    public List<RolloutFinding> dropForeignKey(DropForeignKey op) {
        return List.of();
    }

    public List<RolloutFinding> addCheck(AddCheck op) {
        return one(Rule.CHECK_ON_EXISTING_ROWS, "fails if a row of " + op.table() + " breaks "
                + op.check().expression() + " (" + op.check().name() + ")");
    }

    public List<RolloutFinding> dropCheck(DropCheck op) {
        return List.of();
    }

    public List<RolloutFinding> createSequence(CreateSequence op) {
        return List.of();
    }

    public List<RolloutFinding> dropSequence(DropSequence op) {
        return one(Rule.DROP_MAPPED_SEQUENCE, "the previous release still takes identifiers from " + op.table()
                + "; drop it in a later (contract) release");
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
        return op.destructive() ? one(Rule.NARROWING, "the previous release may still write a value "
                + op.table() + " no longer has") : List.of();
    }
}
