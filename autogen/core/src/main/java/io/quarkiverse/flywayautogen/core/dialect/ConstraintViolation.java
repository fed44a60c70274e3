package io.quarkiverse.flywayautogen.core.dialect;

/**
 * The kind of constraint that refused a statement, as a dialect reads it off its driver's exception
 * ({@link Dialect#violatedConstraint}): what lets the self-check tell a made-up sample value the schema rightly
 * refuses from a script that is wrong.
 */
public enum ConstraintViolation {
    /** A CHECK constraint. */
    CHECK,
    /** A primary key or unique constraint or index: a duplicate value. */
    UNIQUE,
    /** A NOT NULL column left without a value. */
    NOT_NULL,
    /** A foreign key, or a check the script makes that the foreign keys hold (SQLite's rebuild). */
    FOREIGN_KEY
}
