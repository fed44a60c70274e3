package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.Objects;

/**
 * One line of a planned script: a SQL statement (without its ';') or a comment for the reader, and the operation it
 * came from (null for statements that serve several, such as a table rebuild).
 */
public record Statement(String sql, String comment, Operation source) {

    public Statement {
        if ((sql == null) == (comment == null)) {
            throw new IllegalArgumentException("a statement is either SQL or a comment");
        }
    }

    public static Statement sql(String sql, Operation source) {
        return new Statement(Objects.requireNonNull(sql), null, source);
    }

    public static Statement comment(String text) {
        return new Statement(null, Objects.requireNonNull(text), null);
    }

    public boolean isComment() {
        return comment != null;
    }

    /** As the script shows it: {@code -- comment}, or the SQL with its terminating ';'. */
    public String render() {
        return isComment() ? "-- " + comment : sql + ";";
    }
}
