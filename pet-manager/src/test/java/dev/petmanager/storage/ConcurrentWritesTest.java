package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** SQLite has one writer at a time; many concurrent writers must still all succeed, none seeing SQLITE_BUSY. */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConcurrentWritesTest {

    private static final int WRITERS = 16;
    private static final Duration RUN_FOR = Duration.ofSeconds(4);

    @Test
    void sixteenParallelWritersAllSucceedAndEveryCreatedPetIsStored() throws Exception {
        long owner = Api.createUser("Busy Owner", Api.uniqueEmail("busy"));
        URI pets = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/pets");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + RUN_FOR.toNanos();

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    String body = "{\"name\":\"w" + writer + "-" + i + "\",\"species\":\"CAT\",\"ownerId\":" + owner + "}";
                    HttpRequest request = HttpRequest.newBuilder(pets).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + dev.petmanager.support.TestIssuer.adminToken())
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() != 201 && failures.size() < 5) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                        return;
                    }
                }
            }));
        }
        for (Future<?> writer : running) {
            writer.get(RUN_FOR.toSeconds() + 60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        int created = statuses.getOrDefault(201, new AtomicInteger()).get();
        System.out.printf("concurrent writes: %d writers, %d pets created in %s, statuses %s%n", WRITERS, created,
                RUN_FOR, statuses);
        assertEquals(List.of(), failures, "every request succeeds");
        assertEquals(Map.of(201, created), Map.of(201, statuses.values().stream().mapToInt(AtomicInteger::get).sum()),
                "only 201s: " + statuses);
        assertTrue(created >= WRITERS, "each writer got at least one write through, got " + created);
        assertEquals(created, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner),
                "row count equals the number of 201s");
    }
}
