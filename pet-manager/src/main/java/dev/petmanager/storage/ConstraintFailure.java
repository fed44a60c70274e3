package dev.petmanager.storage;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.exception.ConstraintViolationException;

/**
 * A write the database refused because it breaks a constraint of the schema. Decoding it belongs here, beside the
 * database; the API only decides the answer per kind.
 * <ul>
 * <li>PostgreSQL reports the kind as an SQLSTATE of class 23 (integrity constraint violation: 23505 unique, 23503
 * foreign key, 23502 not null, 23514 check), whatever language its messages are in.
 * <li>The SQLite driver reports every kind under one error code and no SQLSTATE; the kind is in SQLite's documented
 * text {@code "<KIND> constraint failed: <table.column, ...>"}.
 * </ul>
 *
 * @param where what the database names: the columns for SQLite ({@code users.email}, empty for foreign keys), the
 *        constraint for PostgreSQL ({@code uq_users_email}, as Hibernate read it from the error; empty when unknown)
 */
public record ConstraintFailure(Kind kind, String where) {

    public enum Kind {
        /** A unique index or primary key already holds the value. */
        UNIQUE,
        /** A reference to a row that does not exist, or a delete that would leave references to it. */
        FOREIGN_KEY,
        NOT_NULL,
        CHECK
    }

    private static final Pattern SQLITE_TEXT = Pattern.compile(
            "(UNIQUE|FOREIGN KEY|NOT NULL|CHECK) constraint failed(?:: ([^)\\]\\r\\n]*))?");

    /**
     * The constraint broken by the nearest {@link SQLException} among {@code failure}'s causes, with the constraint's
     * name when Hibernate extracted it; empty when none is a constraint failure. For a write that lets the database
     * check (a foreign key, a unique value) instead of reading first, and answers from what it refused.
     */
    public static Optional<ConstraintFailure> in(Throwable failure) {
        String constraintName = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && constraintName == null) {
                constraintName = violation.getConstraintName();
            }
            if (cause instanceof SQLException sql) {
                return of(sql, constraintName);
            }
        }
        return Optional.empty();
    }

    /** The constraint {@code failure} broke; empty when it is not a constraint failure. */
    public static Optional<ConstraintFailure> of(SQLException failure) {
        return of(failure, null);
    }

    /**
     * The constraint {@code failure} broke, with the name of the constraint where the caller knows it (Hibernate's
     * {@code ConstraintViolationException.getConstraintName()}); empty when it is not a constraint failure.
     */
    public static Optional<ConstraintFailure> of(SQLException failure, String constraintName) {
        if (failure == null) {
            return Optional.empty();
        }
        Optional<Kind> bySqlState = bySqlState(failure.getSQLState());
        if (bySqlState.isPresent()) {
            return Optional.of(new ConstraintFailure(bySqlState.get(), constraintName == null ? "" : constraintName));
        }
        return bySqliteText(failure.getMessage());
    }

    private static Optional<Kind> bySqlState(String sqlState) {
        if (sqlState == null) {
            return Optional.empty();
        }
        return switch (sqlState) {
            case "23505" -> Optional.of(Kind.UNIQUE);
            case "23503" -> Optional.of(Kind.FOREIGN_KEY);
            case "23502" -> Optional.of(Kind.NOT_NULL);
            case "23514" -> Optional.of(Kind.CHECK);
            default -> Optional.empty();
        };
    }

    private static Optional<ConstraintFailure> bySqliteText(String message) {
        if (message == null) {
            return Optional.empty();
        }
        // The driver puts its own summary first ("[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed (...)"),
        // SQLite's message last: the last match is SQLite's, with the columns.
        Matcher matcher = SQLITE_TEXT.matcher(message);
        ConstraintFailure found = null;
        while (matcher.find()) {
            found = new ConstraintFailure(Kind.valueOf(matcher.group(1).replace(' ', '_')),
                    matcher.group(2) == null ? "" : matcher.group(2).strip());
        }
        return Optional.ofNullable(found);
    }
}
