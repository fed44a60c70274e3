package dev.petmanager.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The SQLite strategy of {@link WriteTransactions}. SQLite admits one writer at a time; rather than let request
 * threads queue in SQLite's busy handler (which polls with sleeps of up to 100 ms) or on a lock around one
 * transaction each, one writer thread takes whatever writes are waiting and runs them in a single transaction — a
 * group commit: one BEGIN, one COMMIT and one WAL append for the whole batch instead of one per request.
 * <p>
 * The outcome per request is the same as if the writes ran one after another in arrival order, each in its own
 * transaction: when a write in a batch fails, the batch is rolled back, the failing write runs again alone to report
 * its failure (a 404, a 409, a constraint violation), and its neighbours are committed in groups without it. A write
 * may therefore run more than once: it does all its reads and changes inside {@link Write#run()} and keeps no state
 * outside it. A caller returns only after its write committed (or failed alone), so a 2xx always means stored.
 * <p>
 * The busy timeout stays configured for writers outside this process (a migration tool, the sqlite3 shell).
 * <p>
 * Metrics: {@code petmanager.writes.queued} (writes waiting now), {@code petmanager.writes.batch.size} (writes the
 * writer took at once) and {@code petmanager.writes.commit} (time from BEGIN to COMMIT or rollback of one write
 * transaction, tagged by outcome). A growing queue with full batches means the writer is the bottleneck.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "sqlite")
public non-sealed class WriteQueue implements WriteTransactions {

    private static final Logger LOG = Logger.getLogger(WriteQueue.class);
    /** Large enough to absorb every waiting request at realistic concurrency, small enough to keep one commit short. */
    private static final int MAX_BATCH = 64;
    private static final int ALL_COMMITTED = -1;

    private final EntityManager entityManager;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final MeterRegistry metrics;
    private final DistributionSummary batchSizes;
    private final Timer committed;
    private final Timer failed;
    private final Gauge queued;
    private Thread writer;
    private volatile boolean stopping;

    public WriteQueue(EntityManager entityManager, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.metrics = metrics;
        // A supplier gauge holds the queue strongly: a gauge on a weakly referenced object can read NaN after a GC.
        this.queued = Gauge.builder("petmanager.writes.queued", queue::size)
                .description("Writes waiting for the single SQLite writer")
                .register(metrics);
        this.batchSizes = DistributionSummary.builder("petmanager.writes.batch.size")
                .description("Writes the writer took from the queue at once (committed in one group when none fails)")
                .register(metrics);
        this.committed = commitTimer(metrics, "committed");
        this.failed = commitTimer(metrics, "rolled_back");
    }

    static Timer commitTimer(MeterRegistry metrics, String outcome) {
        return Timer.builder("petmanager.writes.commit")
                .description("One write transaction, from BEGIN to COMMIT (or rollback)")
                .tag("outcome", outcome)
                .register(metrics);
    }

    @PostConstruct
    void start() {
        writer = new Thread(this::writeUntilStopped, "sqlite-writer");
        writer.setDaemon(true);
        // Hibernate resolves the application's classes through it (in dev mode a class loader per reload).
        writer.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        writer.start();
    }

    /** {@inheritDoc} A write that fails in a group of writes is reported when it ran on its own. */
    @Override
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T execute(Write<T, E> write) throws E {
        if (Thread.currentThread() == writer) {
            return write.run(); // a write that calls another write: already in the writer's transaction
        }
        Pending<T> pending = new Pending<>(write);
        synchronized (queue) {
            // under the same lock as stop(): a write is queued before the STOP marker or refused, never after it
            if (stopping) {
                throw new ShuttingDown();
            }
            queue.add(pending);
        }
        try {
            return pending.outcome.join();
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

    /** Lets the writer finish every write already queued, so no accepted request is dropped on shutdown. */
    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (queue) {
            stopping = true;
            queue.add(Pending.STOP);
        }
        writer.join(30_000);
        // The application's registry outlives this queue when the application restarts in the same JVM (dev mode,
        // tests): left registered, the next queue's meters would resolve to these, and the gauge to this queue.
        List.of(queued, batchSizes, committed, failed).forEach(metrics::remove);
    }

    /** Writes waiting for the writer (not counting the one it runs). */
    int queued() {
        return queue.size();
    }

    boolean isStopping() {
        return stopping;
    }

    private void writeUntilStopped() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(Pending.STOP);
            if (!batch.isEmpty()) {
                batchSizes.record(batch.size());
                runInGroups(batch);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * Commits the writes in as few transactions as their failures allow: a failing write is rolled back with its
     * group, runs again alone to report its failure, and the writes before and after it are grouped again.
     */
    private void runInGroups(List<Pending<?>> writes) {
        while (!writes.isEmpty()) {
            if (writes.size() == 1) {
                runAlone(writes.get(0));
                return;
            }
            int failed = runTogether(writes);
            if (failed == ALL_COMMITTED) {
                return;
            }
            if (failed == writes.size()) {
                // The commit itself failed: no write to blame, so each gets its own transaction and outcome.
                writes.forEach(this::runAlone);
                return;
            }
            runInGroups(writes.subList(0, failed));
            runAlone(writes.get(failed));
            writes = writes.subList(failed + 1, writes.size());
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
            pending.outcome.completeExceptionally(WriteFailure.unwrapped(failure));
            return;
        }
        committed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        pending.succeed(result);
    }

    private static final class Pending<T> {
        static final Pending<Void> STOP = new Pending<>(() -> null);

        final Write<T, ?> write;
        final CompletableFuture<T> outcome = new CompletableFuture<>();

        Pending(Write<T, ?> write) {
            this.write = write;
        }

        @SuppressWarnings("unchecked")
        void succeed(Object result) {
            outcome.complete((T) result);
        }
    }
}
