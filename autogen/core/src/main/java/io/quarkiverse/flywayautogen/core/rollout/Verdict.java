package io.quarkiverse.flywayautogen.core.rollout;

/**
 * What an operation means for a rolling deployment, where the previous release still serves traffic against the
 * new schema and a lock on a table blocks every replica. Several may apply to one operation.
 */
public enum Verdict {
    /** The previous release works against the new schema, and no lock is held longer than a catalog change. */
    COMPATIBLE("compatible"),
    /** Correct, but the previous release breaks while it runs together with this step: release it in two steps. */
    EXPAND_CONTRACT("expand-contract step"),
    /** Holds a lock whose duration grows with the size of the table. */
    LOCKING("locking"),
    /** Can fail on rows that already exist. */
    DATA_DEPENDENT("data-dependent"),
    /** Loses data. */
    DESTRUCTIVE("destructive");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** As the header, the log and the goals show it. */
    public String label() {
        return label;
    }
}
