package dev.petmanager.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Runs a batch of waiting writes in as few transactions as their failures allow — the group commit both strategies
 * share: one BEGIN and one COMMIT (one WAL flush) for the whole batch instead of one per request. When a write in a
 * group fails, the group is rolled back, the failing write runs again alone to report its own failure (a 404, a 409,
 * a constraint violation), and its neighbours are committed in groups without it: each request keeps its own outcome,
 * and a neighbour runs at most once more per failure. A write may therefore run more than once: it does all its
 * reads and changes inside {@link WriteTransactions.Write#run()} and keeps no state outside it.
 * <p>
 * A write that runs alone and which the database aborted only to resolve a deadlock or a serialization failure
 * (PostgreSQL's SQLSTATE 40P01, 40001; SQLite has neither) did nothing; it runs again, up to {@link #ATTEMPTS} times
 * in all, before its failure is reported.
 */
final class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /** Large enough to absorb every waiting request at realistic concurrency, small enough to keep one commit short. */
    static final int MAX_BATCH = 64;
    static final int ATTEMPTS = 3;
    private static final int ALL_COMMITTED = -1;

    private final EntityManager entityManager;
    private final MeterRegistry metrics;
    private final DistributionSummary batchSizes;
    private final Timer committed;
    private final Timer failed;

    GroupCommit(EntityManager entityManager, MeterRegistry metrics, String batchDescription) {
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.batchSizes = DistributionSummary.builder("petmanager.writes.batch.size")
                .description(batchDescription)
                .register(metrics);
        this.committed = commitTimer("committed");
        this.failed = commitTimer("rolled_back");
    }

    private Timer commitTimer(String outcome) {
        return Timer.builder("petmanager.writes.commit")
                .description("One write transaction, from BEGIN to COMMIT (or rollback)")
                .tag("outcome", outcome)
                .register(metrics);
    }

    /** The registry outlives the strategy when the application restarts in one JVM (dev mode, tests). */
    void removeMeters() {
        List.of(batchSizes, committed, failed).forEach(metrics::remove);
    }

    /** Runs a batch taken at once (its size is recorded); every write in it has its outcome when this returns. */
    void run(List<Pending<?>> batch) {
        batchSizes.record(batch.size());
        runInGroups(batch);
    }

    private void runInGroups(List<Pending<?>> writes) {
        while (!writes.isEmpty()) {
            if (writes.size() == 1) {
                runAlone(writes.get(0));
                return;
            }
            int failedAt = runTogether(writes);
            if (failedAt == ALL_COMMITTED) {
                return;
            }
            if (failedAt == writes.size()) {
                // The commit itself failed: no write to blame, so each gets its own transaction and outcome.
                writes.forEach(this::runAlone);
                return;
            }
            runInGroups(writes.subList(0, failedAt));
            runAlone(writes.get(failedAt));
            writes = writes.subList(failedAt + 1, writes.size());
        }
    }

    /**
     * Runs the writes in one transaction. Returns {@link #ALL_COMMITTED}, or the index of the write that failed, or
     * {@code writes.size()} when the commit failed; in both failure cases nothing was committed.
     */
    private int runTogether(List<Pending<?>> writes) {
        int[] running = { 0 };
        List<Object> results;
        long started = System.nanoTime();
        try {
            results = QuarkusTransaction.requiringNew().call(() -> {
                List<Object> done = new ArrayList<>(writes.size());
                for (; running[0] < writes.size(); running[0]++) {
                    done.add(writes.get(running[0]).write.run());
                    // Flush per write so that a constraint violation is raised by the write that caused it.
                    entityManager.flush();
                }
                return done;
            });
        } catch (RuntimeException | Error e) {
            failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            LOG.debugf("Write %d of a group of %d failed (%s); regrouping", running[0] + 1, writes.size(), e);
            return running[0];
        }
        committed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        for (int i = 0; i < writes.size(); i++) {
            writes.get(i).succeed(results.get(i));
        }
        return ALL_COMMITTED;
    }

    private void runAlone(Pending<?> pending) {
        for (int attempt = 1;; attempt++) {
            long started = System.nanoTime();
            Object result;
            try {
                result = QuarkusTransaction.requiringNew().call(() -> {
                    Object value = pending.write.run();
                    entityManager.flush();
                    return value;
                });
            } catch (Throwable failure) {
                failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                if (attempt < ATTEMPTS && WriteFailure.lostARace(failure)) {
                    LOG.debugf("Write aborted by the database to let a concurrent one through (%s); attempt %d",
                            failure, attempt + 1);
                    continue;
                }
                pending.fail(WriteFailure.unwrapped(failure));
                return;
            }
            committed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            pending.succeed(result);
            return;
        }
    }

    /** A write waiting for its outcome, and the thread that waits for it (woken when the outcome is there). */
    static final class Pending<T> {
        final WriteTransactions.Write<T, ?> write;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private final Thread waiter = Thread.currentThread();

        Pending(WriteTransactions.Write<T, ?> write) {
            this.write = write;
        }

        boolean isDone() {
            return outcome.isDone();
        }

        @SuppressWarnings("unchecked")
        void succeed(Object result) {
            outcome.complete((T) result);
            LockSupport.unpark(waiter);
        }

        void fail(Throwable failure) {
            outcome.completeExceptionally(failure);
            LockSupport.unpark(waiter);
        }

        /** Wakes the thread waiting for this write, e.g. to take its turn at running writes. */
        void wake() {
            LockSupport.unpark(waiter);
        }

        /** Waits for the outcome; returns the write's result or throws what it threw. */
        @SuppressWarnings("unchecked")
        <E extends Exception> T join() throws E {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                Throwable failure = e.getCause();
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (E) failure;
            }
        }
    }
}
