package io.quarkiverse.flywayautogen.core.rollout;

import java.util.List;
import java.util.Set;

/**
 * The verdicts of the safe rollout form: the locking rules it avoids (an index built {@code CONCURRENTLY}, a
 * constraint validated after a {@code NOT VALID} add, {@code SET NOT NULL} proven by a validated CHECK) no longer
 * apply; every other finding (a type rewrite, the data-dependent and expand/contract ones) still does.
 */
public final class SafeFormVerdicts {

    static final Set<Rule> AVOIDED = Set.of(Rule.LOCKING_INDEX_BUILD, Rule.LOCKING_FOREIGN_KEY_VALIDATION,
            Rule.LOCKING_CHECK_VALIDATION, Rule.LOCKING_NOT_NULL_SCAN);

    private SafeFormVerdicts() {
    }

    public static List<OperationVerdict> of(List<OperationVerdict> plain) {
        return plain.stream().map(v -> new OperationVerdict(v.operation(),
                v.findings().stream().filter(f -> !AVOIDED.contains(f.rule())).toList())).toList();
    }
}
