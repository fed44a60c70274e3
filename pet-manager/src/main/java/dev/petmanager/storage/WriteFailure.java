package dev.petmanager.storage;

import java.sql.SQLException;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.transaction.RollbackException;

/** What a failed write transaction tells its caller, whichever strategy ran it; judged by SQLSTATE, never by text. */
public final class WriteFailure {

    /** A transaction PostgreSQL aborted to let a concurrent one through (serialization failure, deadlock). */
    private static final Set<String> LOST_A_RACE = Set.of("40001", "40P01");
    /** Text the database's encoding cannot hold: U+0000 above all, which SQLite stores and PostgreSQL refuses. */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private WriteFailure() {
    }

    /** QuarkusTransaction wraps checked exceptions; the caller gets back what its write threw. */
    static Throwable unwrapped(Throwable failure) {
        if (failure instanceof QuarkusTransactionException && failure.getCause() instanceof Exception e
                && !(e instanceof RuntimeException) && !(e instanceof RollbackException)) {
            return e;
        }
        return failure;
    }

    /**
     * Whether the database rolled the transaction back only because it raced another one (a deadlock, or a
     * serialization failure): running the write again may pass.
     */
    public static boolean lostARace(Throwable failure) {
        return hasSqlState(failure, LOST_A_RACE);
    }

    /** Whether the database refused a text value it cannot store (the client's 400, not a 500). */
    public static boolean unstorableText(Throwable failure) {
        return hasSqlState(failure, UNSTORABLE_TEXT);
    }

    /** Whether any {@link SQLException} among the causes (and their chained exceptions) has one of {@code states}. */
    private static boolean hasSqlState(Throwable failure, Set<String> states) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && states.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
