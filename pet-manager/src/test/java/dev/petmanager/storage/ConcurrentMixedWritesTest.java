package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Concurrent writes are committed in groups (see WriteQueue). A write that fails must fail alone: its neighbours in
 * the same group still commit, and nothing of the failed write is stored. Sixteen clients interleave valid creates
 * with creates that must be refused (an owner that does not exist, an e-mail address another request took).
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConcurrentMixedWritesTest {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 60;
    private static final long MISSING_OWNER = 999_999_999L;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    record Outcome(String kind, String name, int status, Long id) {
    }

    @Test
    void refusedWritesFailAloneAndTheirNeighboursCommit() throws Exception {
        long owner = Api.createUser("Mixed Owner", Api.uniqueEmail("mixed"));
        String contested = Api.uniqueEmail("contested");
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNo = c;
            running.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    String name = "m" + clientNo + "-" + i;
                    switch (i % 4) {
                        case 0, 1 -> outcomes.add(send(client, base + "/pets", "pet",
                                name, "{\"name\":\"" + name + "\",\"species\":\"DOG\",\"ownerId\":" + owner + "}"));
                        case 2 -> outcomes.add(send(client, base + "/pets", "orphan",
                                name, "{\"name\":\"" + name + "\",\"species\":\"DOG\",\"ownerId\":" + MISSING_OWNER + "}"));
                        default -> outcomes.add(send(client, base + "/users", "user",
                                name, "{\"name\":\"" + name + "\",\"email\":\"" + contested + "\"}"));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Map<String, Map<Integer, Long>> statuses = outcomes.stream().collect(Collectors.groupingBy(Outcome::kind,
                Collectors.groupingBy(Outcome::status, Collectors.counting())));
        System.out.println("mixed concurrent writes: " + statuses);
        long validPets = CLIENTS * REQUESTS_PER_CLIENT / 2;
        assertEquals(Map.of(201, validPets), statuses.get("pet"), "every valid pet is created");
        assertEquals(Map.of(409, (long) CLIENTS * REQUESTS_PER_CLIENT / 4), statuses.get("orphan"),
                "every pet of a missing owner is refused");
        assertEquals(1L, statuses.get("user").get(201), "exactly one request gets the contested address");
        assertEquals((long) CLIENTS * REQUESTS_PER_CLIENT / 4 - 1, statuses.get("user").get(409),
                "all others are refused: " + statuses.get("user"));

        for (Outcome outcome : outcomes) {
            if (outcome.kind().equals("pet")) {
                assertEquals(outcome.name(), Db.row("SELECT name FROM pets WHERE id = ?", outcome.id()).get("name"),
                        "the pet answered with id " + outcome.id() + " is stored under that id");
            }
        }
        assertEquals(validPets, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner),
                "no more pets than 201s");
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", MISSING_OWNER));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE email = ?", contested));
        Outcome winner = outcomes.stream().filter(o -> o.kind().equals("user") && o.status() == 201).findFirst()
                .orElseThrow();
        assertEquals(winner.name(), Db.row("SELECT name FROM users WHERE email = ?", contested).get("name"),
                "the stored user is the one that was answered 201");
        assertTrue(outcomes.size() == CLIENTS * REQUESTS_PER_CLIENT, "every request got an answer");
    }

    private static Outcome send(HttpClient client, String url, String kind, String name, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + dev.petmanager.support.TestIssuer.adminToken())
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new AssertionError(kind + " " + name + " answered " + response.statusCode() + ": " + response.body());
            }
            if (response.statusCode() == 409 && !response.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json")) {
                throw new AssertionError("a 409 without a problem body: " + response.body());
            }
            return new Outcome(kind, name, response.statusCode(),
                    response.statusCode() == 201 && id.find() ? Long.valueOf(id.group(1)) : null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
