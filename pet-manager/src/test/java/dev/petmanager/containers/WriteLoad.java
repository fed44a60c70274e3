package dev.petmanager.containers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers creating users until stopped, at most {@code maxWrites} in all and never past {@code maxTime}: what the
 * server acknowledged (201, with the new row's id) is recorded, id to e-mail, so that a test can look every
 * acknowledged write up afterwards. Failed requests (the server going away) are counted, not retried.
 */
final class WriteLoad implements AutoCloseable {

    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService writers;

    WriteLoad(Http http, String tag, int threads, int maxWrites, Duration maxTime) {
        writers = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + maxTime.toNanos();
        for (int t = 0; t < threads; t++) {
            writers.submit(() -> {
                while (!stop.get() && System.nanoTime() < end) {
                    int n = sent.incrementAndGet();
                    if (n > maxWrites) {
                        return;
                    }
                    String email = tag + "-" + n + "@load.example";
                    Http.Response response = http.createUser("Load " + n, email);
                    if (response.status() == 201) {
                        acknowledged.put(response.id(), email);
                    } else {
                        failed.incrementAndGet();
                        if (response.status() == 0) {
                            Http.sleep(Duration.ofMillis(50)); // the server is away: no busy loop
                        }
                    }
                }
            });
        }
    }

    Map<Long, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    int failed() {
        return failed.get();
    }

    /** Waits until at least n writes were acknowledged (or the deadline passed). */
    void awaitAcknowledged(int n, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (acknowledged.size() < n && System.nanoTime() < end) {
            Http.sleep(Duration.ofMillis(20));
        }
    }

    @Override
    public void close() {
        stop.set(true);
        writers.shutdown();
        try {
            if (!writers.awaitTermination(30, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
