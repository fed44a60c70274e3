package io.quarkiverse.flywayautogen.core.model;

/**
 * A CHECK constraint with its expression normalised by {@link SqlText#normaliseExpression}. Compared by expression
 * only: hand-written migrations often leave checks unnamed while the generator names them by convention.
 */
public record CheckConstraint(String name, String expression) {

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckConstraint other && expression.equals(other.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }
}
