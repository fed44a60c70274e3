package dev.petmanager.storage;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write SQLite refused because it breaks a constraint of the schema, classified from SQLite's error text (the
 * driver reports every kind under one error code; the text is SQLite's documented {@code "<KIND> constraint failed:
 * <table.column, ...>"}). Decoding it belongs here, beside the database; the API only decides the answer per kind.
 *
 * @param columns the columns SQLite names ({@code users.email}), empty when it names none (foreign keys)
 */
public record ConstraintFailure(Kind kind, String columns) {

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

    /** The constraint {@code failure} broke; empty when it is not a constraint failure SQLite reported. */
    public static Optional<ConstraintFailure> of(SQLException failure) {
        if (failure == null || failure.getMessage() == null) {
            return Optional.empty();
        }
        // The driver puts its own summary first ("[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed (...)"),
        // SQLite's message last: the last match is SQLite's, with the columns.
        Matcher matcher = SQLITE_TEXT.matcher(failure.getMessage());
        ConstraintFailure found = null;
        while (matcher.find()) {
            found = new ConstraintFailure(Kind.valueOf(matcher.group(1).replace(' ', '_')),
                    matcher.group(2) == null ? "" : matcher.group(2).strip());
        }
        return Optional.ofNullable(found);
    }
}
