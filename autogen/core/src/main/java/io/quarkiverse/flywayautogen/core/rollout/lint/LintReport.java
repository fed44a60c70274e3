package io.quarkiverse.flywayautogen.core.rollout.lint;

import java.util.List;

/** Every finding of a folder's migrations, and the acknowledgements that allow nothing (an unknown rule, no reason). */
public record LintReport(List<LintFinding> findings, List<String> badAcknowledgements) {

    public LintReport {
        findings = List.copyOf(findings);
        badAcknowledgements = List.copyOf(badAcknowledgements);
    }

    public List<LintFinding> failing() {
        return findings.stream().filter(LintFinding::failing).toList();
    }

    public boolean passed() {
        return failing().isEmpty();
    }

    /** The message a failing check gives: each failing finding, and how to acknowledge one. */
    public String failureMessage() {
        StringBuilder sb = new StringBuilder("new migrations hold operations that break a rolling deployment:");
        failing().forEach(f -> sb.append("\n  ").append(f.describe()));
        sb.append("\nMake the change in the safe form, or acknowledge it in the script: -- flyway-autogen:allow <rule> \"<reason>\"");
        badAcknowledgements.forEach(b -> sb.append("\n  ignored acknowledgement: ").append(b));
        return sb.toString();
    }
}
