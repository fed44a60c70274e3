package io.quarkiverse.flywayautogen.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@link Requires} as a JUnit condition: disabled with the first missing prerequisite's line; under {@code CI=true}
 * the condition throws, which JUnit reports as the test (or class) failing.
 */
public final class RequiresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Requires requires = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, Requires.class)).orElse(null);
        if (requires == null) {
            return ConditionEvaluationResult.enabled("no @Requires");
        }
        for (Prerequisite prerequisite : requires.value()) {
            String reason = Prerequisites.skipReason(prerequisite);
            if (reason != null) {
                return ConditionEvaluationResult.disabled(reason);
            }
        }
        return ConditionEvaluationResult.enabled("has what it needs");
    }
}
