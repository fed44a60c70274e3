package io.quarkiverse.flywayautogen.core.rollout.lint;

import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;

import java.util.List;
import java.util.Set;

/**
 * Rollout rules read off one SQL statement of a migration (generated or hand-written): what the lint recognises;
 * a statement it does not recognise has no finding. {@code createdHere}: tables the script created before this
 * statement, which have no rows and no previous release using them.
 */
@FunctionalInterface
public interface StatementRules {

    StatementRules NONE = (statement, createdHere) -> List.of();

    List<RolloutFinding> findings(String statement, Set<String> createdHere);
}
