package dev.petmanager.storage;

import java.sql.SQLException;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.transaction.RollbackException;

/** What a failed write transaction tells its caller, whichever strategy ran it. */
public final class WriteFailure {

    /** PostgreSQL's SQLSTATEs for a transaction it aborted to let a concurrent one through; running it again may pass. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

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
     * serialization failure), judged by the SQLSTATE of any {@link SQLException} among the causes.
     */
    public static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (SERIALIZATION_FAILURE.equals(e.getSQLState()) || DEADLOCK_DETECTED.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
