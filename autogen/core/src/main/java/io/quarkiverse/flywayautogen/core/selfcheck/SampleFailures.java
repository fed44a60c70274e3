package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.dialect.ConstraintViolation;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Telling a sample's own failure from the schema's: a made-up value a constraint refuses is the sample at fault
 * ("self-check could not build a sample for X", a warning); anything else is the schema's and refuses the script.
 * Which constraint refused is the dialect's to read off its driver's exceptions ({@link Dialect#violatedConstraint}).
 */
final class SampleFailures {

    private SampleFailures() {
    }

    /** The one wording of every sample the self-check could not build: an entity, a table, a script's rows. */
    static String cannotBuild(String what, String why) {
        return "self-check could not build a sample for " + what + ": " + why;
    }

    /**
     * A CHECK or unique constraint rejected the sample's values: they are made up, the constraint is the schema doing
     * its work. Never when a foreign key failed anywhere in the chain: the sample rows follow every foreign key, so
     * a script that leaves rows without their parent (SQLite's rebuild proves it with a CHECK named "foreign keys
     * hold") is the script's fault, never the sample's.
     */
    static boolean violatesSampleValue(Dialect dialect, Throwable e) {
        Set<ConstraintViolation> found = violations(dialect, e);
        return !found.contains(ConstraintViolation.FOREIGN_KEY)
                && (found.contains(ConstraintViolation.CHECK) || found.contains(ConstraintViolation.UNIQUE));
    }

    /** Hibernate or the database refused a null: for a row that is its own parent, the insert came before its id. */
    static boolean leftANullBehind(Dialect dialect, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.PropertyValueException) {
                return true;
            }
        }
        return violations(dialect, e).contains(ConstraintViolation.NOT_NULL);
    }

    private static Set<ConstraintViolation> violations(Dialect dialect, Throwable e) {
        Set<ConstraintViolation> found = EnumSet.noneOf(ConstraintViolation.class);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                dialect.violatedConstraint(sql).ifPresent(found::add);
            }
        }
        return found;
    }
}
