package io.quarkiverse.flywayautogen.core.rollout.lint;

import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;

import java.util.Optional;

/**
 * A rollout finding in one migration script.
 *
 * @param script       the file name, e.g. {@code V3__pets_index.sql}
 * @param applied      at or below the lint baseline: already applied somewhere, reported and never failed
 * @param acknowledged the reason the script gives in {@code -- flyway-autogen:allow <rule> "<reason>"}
 */
public record LintFinding(String script, RolloutFinding finding, boolean applied, Optional<String> acknowledged) {

    /** Fails the check: a new script's expand/contract step or lock that the script does not acknowledge. */
    public boolean failing() {
        return !applied && acknowledged.isEmpty() && finding.rule().failsLint();
    }

    /** {@code V3__x.sql: locking-index-build: ... (allowed: "table is small")}. */
    public String describe() {
        return script + ": " + finding.describe() + acknowledged.map(r -> " (allowed: \"" + r + "\")").orElse("")
                + (applied ? " (already applied: reported only)" : "");
    }
}
