package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.CreateEnumType;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.ops.SchemaChanges;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rollout verdict of each operation of a migration, on one dialect: the shared rules
 * ({@link CompatibilityRules}) and the dialect's locking rules, each asked with the schema as it is when the
 * operation runs. What this migration creates has no rows and no previous release using it: always compatible.
 */
public final class RolloutAssessment {

    private RolloutAssessment() {
    }

    public static List<OperationVerdict> assess(Dialect dialect, Schema current, List<Operation> operations, TableSizes sizes) {
        List<OperationVerdict> verdicts = new ArrayList<>();
        Set<String> created = new HashSet<>();
        Schema before = current;
        for (Operation op : operations) {
            if (op instanceof CreateTable || op instanceof CreateSequence || op instanceof CreateEnumType) {
                created.add(op.table());
            }
            if (op instanceof RenameTable r && created.remove(r.from())) {
                created.add(r.to());
            }
            List<RolloutFinding> findings = new ArrayList<>();
            if (!created.contains(op.table())) {
                findings.addAll(CompatibilityRules.of(op));
                findings.addAll(dialect.lockingFindings(op, before, sizes));
            }
            verdicts.add(new OperationVerdict(op, findings));
            before = SchemaChanges.apply(before, op);
        }
        return verdicts;
    }
}
