package dev.petmanager.containers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request mix of bench/http.sh (bench/http-requests.lua) from Java, so that the suite needs no wrk: seeded users
 * and pets, then each endpoint in turn by concurrent clients for a fixed time, bounded in requests too. Returns per
 * endpoint how many answers were 2xx, other statuses, and connection failures.
 */
final class BenchLoad {

    record Outcome(String mode, int requests, int successes, int otherStatuses, int connectionFailures) {
        double perSecond(Duration duration) {
            return requests * 1000.0 / duration.toMillis();
        }
    }

    private static final List<String> MODES = List.of("index", "get-by-id", "list", "post");

    private BenchLoad() {
    }

    /** Seeds {@code owners} users and {@code pets} pets; fails on any refusal. */
    static void seed(Http http, String tag, int owners, int pets) {
        for (int u = 1; u <= owners; u++) {
            Http.Response r = http.createUser("User " + u, tag + "-user" + u + "@bench.example");
            if (r.status() != 201) {
                throw new AssertionError("seeding user " + u + ": " + r);
            }
        }
        for (int p = 1; p <= pets; p++) {
            Http.Response r = http.post("/pets", "{\"name\":\"Pet " + p + "\",\"species\":\"CAT\",\"ownerId\":" + ((p % owners) + 1) + "}");
            if (r.status() != 201) {
                throw new AssertionError("seeding pet " + p + ": " + r);
            }
        }
    }

    static Map<String, Outcome> run(Http http, int clients, Duration perMode, int maxRequestsPerMode, int owners, int pets) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String mode : MODES) {
            outcomes.put(mode, runMode(http, mode, clients, perMode, maxRequestsPerMode, owners, pets));
        }
        return outcomes;
    }

    private static Outcome runMode(Http http, String mode, int clients, Duration duration, int maxRequests, int owners,
            int pets) {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tasks.add(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && requests.incrementAndGet() <= maxRequests) {
                    Http.Response r = switch (mode) {
                        case "get-by-id" -> http.get("/pets/" + random.nextInt(1, pets + 1));
                        case "list" -> http.get("/pets?page=0&size=20");
                        case "post" -> http.post("/pets",
                                "{\"name\":\"bench\",\"species\":\"DOG\",\"ownerId\":" + random.nextInt(1, owners + 1) + "}");
                        default -> http.get("/");
                    };
                    if (r.status() >= 200 && r.status() < 300) {
                        successes.incrementAndGet();
                    } else if (r.status() == 0) {
                        failures.incrementAndGet();
                    } else {
                        others.incrementAndGet();
                    }
                }
            });
        }
        tasks.forEach(pool::submit);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int done = successes.get() + others.get() + failures.get();
        return new Outcome(mode, done, successes.get(), others.get(), failures.get());
    }
}
