package io.quarkiverse.flywayautogen.core.rollout;

/** One rule that applies to an operation, with why, e.g. {@code LOCKING_INDEX_BUILD: builds pet_name_idx ...}. */
public record RolloutFinding(Rule rule, String reason) {

    public Verdict verdict() {
        return rule.verdict();
    }

    /** {@code locking-index-build: reason}. */
    public String describe() {
        return rule.id() + ": " + reason;
    }
}
