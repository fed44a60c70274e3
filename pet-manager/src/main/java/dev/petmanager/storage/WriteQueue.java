package dev.petmanager.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.petmanager.storage.GroupCommit.Pending;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The SQLite strategy of {@link WriteTransactions}. SQLite admits one writer at a time; rather than let request
 * threads queue in SQLite's busy handler (which polls with sleeps of up to 100 ms) or on a lock around one
 * transaction each, one writer thread takes whatever writes are waiting and runs them in a single transaction — a
 * group commit ({@link GroupCommit}): one BEGIN, one COMMIT and one WAL append for the whole batch instead of one
 * per request.
 * <p>
 * The outcome per request is the same as if the writes ran one after another in arrival order, each in its own
 * transaction: a write that fails in a batch runs again alone to report its failure, and its neighbours are committed
 * in groups without it. A caller returns only after its write committed (or failed alone), so a 2xx always means
 * stored.
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

    /**
     * The marker stop() queues after the last accepted write. Made per queue, at run time: a static one would be built
     * into the native image's heap with the build thread it remembers as its waiter, which the image refuses.
     */
    private final Pending<Void> stopMarker = new Pending<>(() -> null);

    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final MeterRegistry metrics;
    private final GroupCommit groups;
    private final Gauge queued;
    private Thread writer;
    private volatile boolean stopping;

    public WriteQueue(EntityManager entityManager, MeterRegistry metrics) {
        this.metrics = metrics;
        // A supplier gauge holds the queue strongly: a gauge on a weakly referenced object can read NaN after a GC.
        this.queued = Gauge.builder("petmanager.writes.queued", queue::size)
                .description("Writes waiting for the single SQLite writer")
                .register(metrics);
        this.groups = new GroupCommit(entityManager, metrics,
                "Writes the writer took from the queue at once (committed in one group when none fails)");
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
        return pending.<E> join();
    }

    /** Lets the writer finish every write already queued, so no accepted request is dropped on shutdown. */
    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (queue) {
            stopping = true;
            queue.add(stopMarker);
        }
        writer.join(30_000);
        // The application's registry outlives this queue when the application restarts in the same JVM (dev mode,
        // tests): left registered, the next queue's meters would resolve to these, and the gauge to this queue.
        metrics.remove(queued);
        groups.removeMeters();
    }

    /** Writes waiting for the writer (not counting the one it runs). */
    int queued() {
        return queue.size();
    }

    boolean isStopping() {
        return stopping;
    }

    private void writeUntilStopped() {
        List<Pending<?>> batch = new ArrayList<>(GroupCommit.MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, GroupCommit.MAX_BATCH - 1);
            boolean stop = batch.remove(stopMarker);
            if (!batch.isEmpty()) {
                groups.run(batch);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }
}
