package dev.petmanager.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.petmanager.storage.GroupCommit.Pending;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * The PostgreSQL strategy of {@link WriteTransactions}: a group commit over several connections. PostgreSQL runs many
 * writers at once, but each transaction pays a round trip for BEGIN and COMMIT and a WAL flush at COMMIT; so at most
 * {@code pet-manager.write-transactions} write transactions run at once, each on the request thread that took the
 * turn, and while they run, the writes that arrive wait and are then committed together, in batches, by the next
 * thread to take a turn ({@link GroupCommit}: a write that fails in a batch runs again alone and fails alone). With a
 * free turn, a write runs at once in its own transaction, as before. A caller returns only after its write committed
 * (with {@code synchronous_commit} on: flushed), so a 2xx always means stored.
 * <p>
 * The database's constraints and the entities' versions decide conflicts, also between replicas that share the
 * database: a unique value taken by a concurrent writer fails with SQLSTATE 23505, a reference to a row deleted
 * meanwhile with 23503, an update of a row another transaction changed first finds no row of its version. A write
 * PostgreSQL aborted only to resolve a deadlock or a serialization failure (40P01, 40001) runs again alone.
 * <p>
 * Metrics as for SQLite: {@code petmanager.writes.batch.size} and {@code petmanager.writes.commit}.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public non-sealed class ConcurrentWriteTransactions implements WriteTransactions {

    private static final Logger LOG = Logger.getLogger(ConcurrentWriteTransactions.class);
    /** The longest a waiting write sleeps before it looks for a free turn itself; normally it is woken sooner. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final TransactionManager transactions;
    private final GroupCommit groups;
    private final int turns;
    /** One permit per write transaction that may run at once. */
    private final Semaphore running;
    private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;

    public ConcurrentWriteTransactions(EntityManager entityManager, TransactionManager transactions,
            MeterRegistry metrics, @ConfigProperty(name = "pet-manager.write-transactions", defaultValue = "4") int turns) {
        this.transactions = transactions;
        this.turns = Math.max(1, turns);
        this.running = new Semaphore(this.turns);
        this.groups = new GroupCommit(entityManager, metrics,
                "Writes committed in one transaction (committed in one group when none fails)");
    }

    @Override
    public <T, E extends Exception> T execute(Write<T, E> write) throws E {
        if (inTransaction()) {
            return write.run(); // a write that calls another write: already in its transaction
        }
        if (stopping) {
            throw new ShuttingDown();
        }
        Pending<T> own = new Pending<>(write);
        if (running.tryAcquire()) {
            runTurn(own);
        } else {
            waiting.add(own);
        }
        while (!own.isDone()) {
            takeTurns(own);
            if (!own.isDone()) {
                LockSupport.parkNanos(this, RECHECK_NANOS); // woken by its outcome, or to take a turn
            }
        }
        return own.<E> join();
    }

    /** Runs, while a turn is free and writes wait, batches of waiting writes, until {@code own} has its outcome. */
    private void takeTurns(Pending<?> own) {
        while (!own.isDone() && !waiting.isEmpty() && running.tryAcquire()) {
            runTurn(null);
        }
    }

    /**
     * Runs one batch — {@code first} (when not null) and the writes waiting now — with a turn already taken, then gives
     * the turn back and wakes a waiting write to take it, so that no write waits on a free turn.
     */
    private void runTurn(Pending<?> first) {
        List<Pending<?>> batch = new ArrayList<>();
        try {
            if (first != null) {
                batch.add(first);
            }
            for (Pending<?> next; batch.size() < GroupCommit.MAX_BATCH && (next = waiting.poll()) != null;) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                groups.run(batch);
            }
        } catch (RuntimeException | Error e) {
            // GroupCommit reports every failure of a write to that write; this is a failure of the batching itself.
            LOG.error("A batch of writes failed outside any write", e);
            batch.forEach(pending -> pending.fail(e));
        } finally {
            running.release();
        }
        Pending<?> next = waiting.peek();
        if (next != null) {
            next.wake();
        }
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException("the transaction manager cannot tell whether a transaction is active", e);
        }
    }

    /** Refuses new writes and waits (bounded) for the running and waiting ones, so none accepted is dropped. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (running.tryAcquire(turns, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            running.release(turns);
        }
        groups.removeMeters();
    }
}
