package io.quarkiverse.flywayautogen.core.rollout;

import java.util.Arrays;
import java.util.Optional;

/**
 * A rollout rule: its {@link #id()} is what a script names to acknowledge a finding
 * ({@code -- flyway-autogen:allow locking-index-build "table is small"}), and it always gives the same verdict.
 */
public enum Rule {
    // expand/contract: the previous release maps what the step takes away or writes what it now refuses
    DROP_MAPPED_TABLE("drop-mapped-table", Verdict.EXPAND_CONTRACT),
    DROP_MAPPED_COLUMN("drop-mapped-column", Verdict.EXPAND_CONTRACT),
    DROP_MAPPED_SEQUENCE("drop-mapped-sequence", Verdict.EXPAND_CONTRACT),
    RENAME("rename", Verdict.EXPAND_CONTRACT),
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", Verdict.EXPAND_CONTRACT),
    NOT_NULL_TIGHTENING("not-null-tightening", Verdict.EXPAND_CONTRACT),
    NARROWING("narrowing", Verdict.EXPAND_CONTRACT),
    /** Not inferred: the self-check ran the previous release's selects and inserts on the new schema, and one failed. */
    PREVIOUS_RELEASE_FAILS("previous-release-fails", Verdict.EXPAND_CONTRACT),
    // data-dependent: existing rows decide whether the script runs
    NOT_NULL_ON_EXISTING_ROWS("not-null-on-existing-rows", Verdict.DATA_DEPENDENT),
    UNIQUE_ON_EXISTING_ROWS("unique-on-existing-rows", Verdict.DATA_DEPENDENT),
    CHECK_ON_EXISTING_ROWS("check-on-existing-rows", Verdict.DATA_DEPENDENT),
    FOREIGN_KEY_ON_EXISTING_ROWS("foreign-key-on-existing-rows", Verdict.DATA_DEPENDENT),
    NARROWING_ON_EXISTING_ROWS("narrowing-on-existing-rows", Verdict.DATA_DEPENDENT),
    // destructive
    DATA_LOSS("data-loss", Verdict.DESTRUCTIVE),
    // locking (per dialect)
    LOCKING_INDEX_BUILD("locking-index-build", Verdict.LOCKING),
    LOCKING_FOREIGN_KEY_VALIDATION("locking-foreign-key-validation", Verdict.LOCKING),
    LOCKING_CHECK_VALIDATION("locking-check-validation", Verdict.LOCKING),
    LOCKING_TYPE_REWRITE("locking-type-rewrite", Verdict.LOCKING),
    LOCKING_NOT_NULL_SCAN("locking-not-null-scan", Verdict.LOCKING),
    LOCKING_TABLE_REBUILD("locking-table-rebuild", Verdict.LOCKING);

    private final String id;
    private final Verdict verdict;

    Rule(String id, Verdict verdict) {
        this.id = id;
        this.verdict = verdict;
    }

    public String id() {
        return id;
    }

    public Verdict verdict() {
        return verdict;
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** What CI refuses in a new migration unless the script acknowledges it. */
    public boolean failsLint() {
        return verdict == Verdict.EXPAND_CONTRACT || verdict == Verdict.LOCKING;
    }
}
