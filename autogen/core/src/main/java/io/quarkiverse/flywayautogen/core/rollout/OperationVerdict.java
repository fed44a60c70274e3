package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** An operation with the rollout findings of one dialect; none means compatible. */
public record OperationVerdict(Operation operation, List<RolloutFinding> findings) {

    public OperationVerdict {
        findings = List.copyOf(findings);
    }

    public Set<Verdict> verdicts() {
        if (findings.isEmpty()) {
            return EnumSet.of(Verdict.COMPATIBLE);
        }
        return findings.stream().map(RolloutFinding::verdict).collect(Collectors.toCollection(() -> EnumSet.noneOf(Verdict.class)));
    }

    public boolean compatible() {
        return findings.isEmpty();
    }

    /** {@code [LOCKING, DATA-DEPENDENT]}, in the verdicts' order. */
    public String tag() {
        return verdicts().stream().map(v -> v.label().toUpperCase(Locale.ROOT)).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code locking, data-dependent}. */
    public String summary() {
        return verdicts().stream().map(Verdict::label).collect(Collectors.joining(", "));
    }

    /**
     * {@code add unique pet(name)   (rollout: locking, data-dependent)}: one line for logs and goals, still led by
     * {@code [DESTRUCTIVE]} where data can be lost, as before verdicts existed.
     */
    public String describe() {
        return (operation.destructive() ? "[DESTRUCTIVE] " : "") + operation.describe() + "   (rollout: " + summary() + ")";
    }
}
