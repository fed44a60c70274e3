package dev.petmanager.storage;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * The PostgreSQL strategy of {@link WriteTransactions}: PostgreSQL runs many writers at once (row locks, READ
 * COMMITTED), so each write runs on its request thread in its own transaction, and the database's constraints and the
 * entities' versions decide conflicts, also between replicas of the service that share the database. A unique value
 * taken by a concurrent writer fails with SQLSTATE 23505, a reference to a row deleted meanwhile with 23503, and an
 * update of a row another transaction changed first finds no row of its version: each a 409 for the caller.
 * <p>
 * A transaction PostgreSQL aborted only to resolve a deadlock or a serialization failure (SQLSTATE 40P01, 40001) did
 * nothing; it runs again, up to {@link #ATTEMPTS} times in all, before its failure is reported.
 * <p>
 * Metric: {@code petmanager.writes.commit} (one write transaction, BEGIN to COMMIT or rollback, tagged by outcome),
 * as for SQLite; there is no queue to measure.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public non-sealed class ConcurrentWriteTransactions implements WriteTransactions {

    private static final Logger LOG = Logger.getLogger(ConcurrentWriteTransactions.class);
    static final int ATTEMPTS = 3;

    private final EntityManager entityManager;
    private final TransactionManager transactions;
    private final MeterRegistry metrics;
    private final Timer committed;
    private final Timer failed;

    public ConcurrentWriteTransactions(EntityManager entityManager, TransactionManager transactions,
            MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.metrics = metrics;
        this.committed = WriteQueue.commitTimer(metrics, "committed");
        this.failed = WriteQueue.commitTimer(metrics, "rolled_back");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T execute(Write<T, E> write) throws E {
        if (inTransaction()) {
            return write.run(); // a write that calls another write: already in its transaction
        }
        for (int attempt = 1;; attempt++) {
            long started = System.nanoTime();
            try {
                T result = QuarkusTransaction.requiringNew().call(() -> {
                    T value = write.run();
                    // Flush inside the transaction, so that a constraint violation is raised here, not at commit.
                    entityManager.flush();
                    return value;
                });
                committed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return result;
            } catch (RuntimeException | Error e) {
                failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                if (attempt < ATTEMPTS && WriteFailure.lostARace(e)) {
                    LOG.debugf("Write transaction aborted by PostgreSQL to let a concurrent one through (%s); attempt %d",
                            e, attempt + 1);
                    continue;
                }
                Throwable failure = WriteFailure.unwrapped(e);
                if (failure instanceof RuntimeException || failure instanceof Error) {
                    throw e;
                }
                throw (E) failure;
            }
        }
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException("the transaction manager cannot tell whether a transaction is active", e);
        }
    }

    /** As for the queue: the registry outlives this bean when the application restarts in one JVM (dev mode, tests). */
    @PreDestroy
    void removeMeters() {
        List.of(committed, failed).forEach(metrics::remove);
    }
}
