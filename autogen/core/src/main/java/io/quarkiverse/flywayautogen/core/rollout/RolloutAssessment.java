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

    /**
     * {@code verdicts} with what the self-check proved the previous release cannot do ({@code failures}: table and
     * text), each added to the operations on that table (or, for a table no operation names, the first).
     */
    public static List<OperationVerdict> withProof(List<OperationVerdict> verdicts, List<String> tables, List<String> failures) {
        List<List<RolloutFinding>> findings = new ArrayList<>();
        verdicts.forEach(v -> findings.add(new ArrayList<>(v.findings())));
        for (int f = 0; f < failures.size(); f++) {
            RolloutFinding proof = new RolloutFinding(Rule.PREVIOUS_RELEASE_FAILS, failures.get(f));
            boolean placed = false;
            for (int i = 0; i < verdicts.size(); i++) {
                Operation op = verdicts.get(i).operation();
                if (op.table().equals(tables.get(f)) || (op instanceof RenameTable r && r.from().equals(tables.get(f)))) {
                    findings.get(i).add(proof);
                    placed = true;
                }
            }
            if (!placed && !verdicts.isEmpty()) {
                findings.get(0).add(proof);
            }
        }
        List<OperationVerdict> proved = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            proved.add(new OperationVerdict(verdicts.get(i).operation(), findings.get(i)));
        }
        return proved;
    }
}
