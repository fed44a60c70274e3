package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.user.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The group commit itself, on a queue of its own beside the service's: writes that wait while another runs are
 * committed in one transaction; a failing write fails alone and its neighbours commit around it; a checked exception
 * reaches the caller as it was thrown; shutting down finishes the queued writes and refuses later ones.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@DisabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "the SQLite write strategy; PostgreSQL runs ConcurrentWriteTransactions")
class WriteQueueTest {

    private static final int WAITING = 12;

    @Inject
    EntityManager entityManager;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private WriteQueue queue;
    private SimpleMeterRegistry metrics;
    private ExecutorService callers;

    @BeforeEach
    void start() {
        metrics = new SimpleMeterRegistry(); // its own registry: the service's queue reports to the application's
        queue = new WriteQueue(entityManager, metrics);
        queue.start();
        callers = Executors.newFixedThreadPool(WAITING + 1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        queue.stop();
        callers.shutdownNow();
    }

    @Test
    void writesThatWaitedAreCommittedTogetherAndAFailingOneFailsAlone() throws Exception {
        String tag = "wq" + System.nanoTime();
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> blocker = callers.submit(() -> queue.execute(() -> {
            blockerRunning.countDown();
            release.await(30, TimeUnit.SECONDS); // holds the writer while the others queue up
            return transactions.getTransactionKey();
        }));
        assertTrue(blockerRunning.await(30, TimeUnit.SECONDS));

        List<Future<Object>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            int n = i;
            waiting.add(callers.submit(() -> queue.execute(() -> {
                insertUser(tag, n);
                if (n == WAITING / 2) {
                    throw new IllegalArgumentException("write " + n + " refused");
                }
                return transactions.getTransactionKey();
            })));
        }
        Awaitility.await("all " + WAITING + " writes queued").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5)).until(() -> queueLength() >= WAITING);
        release.countDown();

        Object blockerTransaction = blocker.get(30, TimeUnit.SECONDS);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            if (i == WAITING / 2) {
                var failed = assertThrows(java.util.concurrent.ExecutionException.class, waiting.get(i)::get);
                assertEquals("write " + i + " refused", failed.getCause().getMessage());
            } else {
                keys.add(waiting.get(i).get(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(WAITING - 1, Db.count("SELECT count(*) FROM users WHERE name LIKE ?", tag + "-%"),
                "every write but the refused one is stored");
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE name = ?", tag + "-" + WAITING / 2));
        // The callers' threads raced to the queue, so where the refused write sat is unknown: its neighbours form one
        // group before it and one after it (one group if it came first or last).
        long distinct = keys.stream().distinct().count();
        assertTrue(distinct <= 2, "the waiting writes shared transactions, got " + distinct + " for " + keys.size());
        assertNotEquals(blockerTransaction, keys.get(0), "the running write had its own transaction");

        // The metrics tell the same story: a batch of one (the blocker), then one batch of all that waited.
        var batches = metrics.get("petmanager.writes.batch.size").summary();
        assertEquals(2, batches.count());
        assertEquals(WAITING, batches.max());
        assertEquals(1 + distinct, metrics.get("petmanager.writes.commit").tag("outcome", "committed").timer().count());
        assertEquals(2, metrics.get("petmanager.writes.commit").tag("outcome", "rolled_back").timer().count(),
                "the group the refused write was in, and the refused write alone");
        assertEquals(0.0, metrics.get("petmanager.writes.queued").gauge().value());
    }

    @Test
    void aCheckedExceptionReachesTheCallerAsThrown() {
        IOException thrown = assertThrows(IOException.class, () -> queue.execute(() -> {
            throw new IOException("disk on fire");
        }));
        assertEquals("disk on fire", thrown.getMessage());
    }

    @Test
    void stoppingFinishesQueuedWritesAndRefusesLaterOnes() throws Exception {
        String tag = "stop" + System.nanoTime();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        Future<Object> first = callers.submit(() -> queue.execute(() -> {
            firstRunning.countDown();
            release.await(30, TimeUnit.SECONDS);
            return insertUser(tag, 0);
        }));
        // the writer holds the first write; only then is the second one certain to wait in the queue, not to arrive
        // after stop() began (which it would be refused for)
        assertTrue(firstRunning.await(30, TimeUnit.SECONDS));
        Future<Object> second = callers.submit(() -> queue.execute(() -> insertUser(tag, 1)));
        Awaitility.await("the second write queued").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5)).until(() -> queueLength() >= 1);
        Future<?> stopping = callers.submit(() -> {
            queue.stop();
            return null;
        });
        Awaitility.await("stop() begun").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5)).until(this::isStopping);
        assertThrows(WriteTransactions.ShuttingDown.class, () -> queue.execute(() -> insertUser(tag, 2)));
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        stopping.get(30, TimeUnit.SECONDS);
        assertEquals(2, Db.count("SELECT count(*) FROM users WHERE name LIKE ?", tag + "-%"));
    }

    private Object insertUser(String tag, int n) {
        User user = new User();
        user.name = tag + "-" + n;
        user.email = tag + "-" + n + "@queue.example";
        user.createdAt = Instant.now();
        user.persist();
        return user.id;
    }

    private int queueLength() {
        return queue.queued();
    }

    private boolean isStopping() {
        return queue.isStopping();
    }
}
