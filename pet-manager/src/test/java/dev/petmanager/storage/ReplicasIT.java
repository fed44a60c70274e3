package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.petmanager.support.Db;
import dev.petmanager.support.Metrics;
import dev.petmanager.support.Replica;
import dev.petmanager.support.TestDatabase;
import dev.petmanager.support.TestIssuer;

/**
 * Two processes of the packaged service on one PostgreSQL database, as replicas behind a load balancer: they boot at
 * the same moment and the migrations run once; the database, not a process, decides conflicts between them; and
 * killing one in the middle of a load loses no write it acknowledged.
 */
@EnabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "replicas share a PostgreSQL database (-Ppostgresql); SQLite is one process' file")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private static String database;
    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void bootBothAtOnce() throws Exception {
        database = TestDatabase.createPostgresDatabase();
        a = Replica.start("replica-a", database);
        b = Replica.start("replica-b", database);
        a.awaitReady(BOOT);
        b.awaitReady(BOOT);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Replica replica : new Replica[] { a, b }) {
            if (replica != null) {
                replica.close();
            }
        }
        TestDatabase.dropPostgresDatabase(database);
    }

    @Test
    @Order(1)
    void bothBootedOnOneDatabaseAndTheMigrationsRanOnce() throws Exception {
        assertEquals(List.of("1", "2", "3", "4", "5"), rows("SELECT version FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank", "version"), "each migration applied once");
        // Flyway's lock: one replica applied all four, the other waited for it and found nothing left to do.
        List<Double> applied = new ArrayList<>(List.of(migrationsApplied(a), migrationsApplied(b)));
        Collections.sort(applied);
        assertEquals(List.of(0.0, 5.0), applied);
    }

    @Test
    @Order(2)
    void bothReplicasAcceptTheSameTokenAndResolveTheSameUser() throws Exception {
        String token = TestIssuer.token("replicated-" + System.nanoTime(), List.of("user"));
        HttpResponse<String> created = a.send(HttpRequest.newBuilder(a.uri("/me")).header("Authorization",
                "Bearer " + token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Replicated\",\"email\":\"replicated-" + System.nanoTime() + "@example.com\"}")));
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> seenByB = b.send(HttpRequest.newBuilder(b.uri("/me")).header("Authorization", "Bearer " + token));
        assertEquals(200, seenByB.statusCode(), seenByB.body());
        assertEquals(idOf(created.body()), idOf(seenByB.body()));
        HttpResponse<String> forged = b.send(HttpRequest.newBuilder(b.uri("/me")).header("Authorization",
                "Bearer " + token.substring(0, token.length() - 4) + "AAAA"));
        assertEquals(401, forged.statusCode(), forged.body());
    }

    @Test
    @Order(2)
    void bothReplicasRefuseTheSameForgedTokensAndKeepEachUserToTheirOwn() throws Exception {
        long bob = idOf(a.postJson("/users", "{\"name\":\"Bob\",\"email\":\"bob-" + System.nanoTime()
                + "@example.com\"}"));
        long bobsPet = idOf(a.postJson("/pets", "{\"name\":\"Bob's cat\",\"species\":\"CAT\",\"ownerId\":" + bob + "}"));
        String alice = TestIssuer.token("alice-" + System.nanoTime(), List.of("user"));
        HttpResponse<String> profile = b.send(HttpRequest.newBuilder(b.uri("/me")).header("Authorization", "Bearer "
                + alice).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Alice\",\"email\":\"alice-" + System.nanoTime() + "@example.com\"}")));
        assertEquals(201, profile.statusCode(), profile.body());
        JwtClaims adminClaims = TestIssuer.validClaims();
        adminClaims.setSubject(TestIssuer.ADMIN_SUBJECT);
        adminClaims.setStringListClaim("groups", "admin");
        String otherKey = TestIssuer.sign(adminClaims, TestIssuer.strangerKeys().getPrivate(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        for (Replica replica : new Replica[] { a, b }) {
            assertEquals(404, as(replica, alice, "/pets/" + bobsPet).statusCode(), "Bob's pet, for Alice");
            assertTrue(as(replica, alice, "/pets").body().contains("\"totalItems\":0"), "Alice lists only hers");
            assertEquals(401, as(replica, otherKey, "/pets/" + bobsPet).statusCode(), "an admin token of another key");
            assertEquals(200, replica.send(HttpRequest.newBuilder(replica.uri("/pets/" + bobsPet))).statusCode(),
                    "the real admin");
        }
    }

    private static HttpResponse<String> as(Replica replica, String token, String path) throws Exception {
        return replica.send(HttpRequest.newBuilder(replica.uri(path)).header("Authorization", "Bearer " + token));
    }

    private static String idOf(String json) {
        Matcher id = ID.matcher(json);
        assertTrue(id.find(), json);
        return id.group(1);
    }

    @Test
    @Order(3)
    void concurrentCreatesWithOneEmailThroughBothGiveExactlyOne201() throws Exception {
        for (int round = 0; round < 10; round++) {
            String email = "twice-" + round + "-" + System.nanoTime() + "@example.com";
            String body = "{\"name\":\"Twice\",\"email\":\"" + email + "\"}";
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<HttpResponse<String>> viaA = CompletableFuture.supplyAsync(() -> post(a, together, body));
            CompletableFuture<HttpResponse<String>> viaB = CompletableFuture.supplyAsync(() -> post(b, together, body));
            List<Integer> statuses = new ArrayList<>(List.of(viaA.get(60, TimeUnit.SECONDS).statusCode(),
                    viaB.get(60, TimeUnit.SECONDS).statusCode()));
            Collections.sort(statuses);
            assertEquals(List.of(201, 409), statuses, "round " + round);
            HttpResponse<String> refused = viaA.get().statusCode() == 409 ? viaA.get() : viaB.get();
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertEquals(1, countIn("SELECT count(*) FROM users WHERE email = ?", email));
        }
    }

    @Test
    @Order(4)
    void aStalePutThroughTheOtherReplicaIsAConflict() throws Exception {
        String email = "stale-" + System.nanoTime() + "@example.com";
        long id = idOf(a.postJson("/users", "{\"name\":\"Stale\",\"email\":\"" + email + "\"}"));
        assertEquals(200, b.send(HttpRequest.newBuilder(b.uri("/users/" + id))).statusCode(), "B reads what A wrote");
        assertEquals(200, put(a, id, "{\"name\":\"Fresh\",\"email\":\"" + email + "\",\"version\":0}").statusCode());
        HttpResponse<String> stale = put(b, id, "{\"name\":\"Stale again\",\"email\":\"" + email + "\",\"version\":0}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("application/problem+json", stale.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> current = b.send(HttpRequest.newBuilder(b.uri("/users/" + id)));
        assertTrue(current.body().contains("\"name\":\"Fresh\"") && current.body().contains("\"version\":1"),
                "B serves the row A updated, no cached copy: " + current.body());
    }

    @Test
    @Order(5)
    void killingOneReplicaUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        long owner = idOf(b.postJson("/users", "{\"name\":\"Load\",\"email\":\"load-" + System.nanoTime()
                + "@example.com\"}"));
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            Replica target = c % 2 == 0 ? a : b;
            int client = c;
            load.add(clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        HttpResponse<String> created = target.postJson("/pets", "{\"name\":\"p" + client + "-" + i
                                + "\",\"species\":\"CAT\",\"ownerId\":" + owner + "}");
                        if (created.statusCode() == 201) {
                            acknowledged.add(idOf(created));
                        }
                    } catch (Exception e) {
                        if (target == b) {
                            throw new IllegalStateException("the surviving replica failed a request", e);
                        }
                        // the killed replica: connections refused or cut, nothing acknowledged
                    }
                }
                return null;
            }));
        }
        waitUntil(() -> acknowledged.size() >= 100, Duration.ofSeconds(60));
        a.kill();
        int atKill = acknowledged.size();
        waitUntil(() -> acknowledged.size() >= atKill + 100, Duration.ofSeconds(60));
        running.set(false);
        for (Future<?> client : load) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Set<Long> stored = ConcurrentHashMap.newKeySet();
        rows("SELECT id FROM pets WHERE owner_id = " + owner, "id").forEach(id -> stored.add(Long.valueOf(id)));
        Set<Long> lost = ConcurrentHashMap.newKeySet();
        lost.addAll(acknowledged);
        lost.removeAll(stored);
        System.out.printf("replicas: %d pets acknowledged (%d before the kill), %d stored, %d lost%n",
                acknowledged.size(), atKill, stored.size(), lost.size());
        assertEquals(Set.of(), lost, "acknowledged but not stored");
    }

    private static HttpResponse<String> post(Replica replica, CyclicBarrier together, String body) {
        try {
            together.await(30, TimeUnit.SECONDS);
            return replica.postJson("/users", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> put(Replica replica, long id, String body) throws Exception {
        return replica.send(HttpRequest.newBuilder(replica.uri("/users/" + id)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static long idOf(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = ID.matcher(created.body());
        assertTrue(id.find(), created.body());
        return Long.parseLong(id.group(1));
    }

    private static double migrationsApplied(Replica replica) throws Exception {
        String text = replica.send(HttpRequest.newBuilder(replica.managementUri("/q/metrics"))).body();
        return Metrics.parse(text).require("petmanager_migrations_applied");
    }

    private static List<String> rows(String sql, String column, Object... args) {
        return Db.rowsIn(TestDatabase.urlOf(database), sql, args).stream().map(row -> String.valueOf(row.get(column)))
                .toList();
    }

    private static long countIn(String sql, Object arg) {
        return Long.parseLong(rows(sql, "count", arg).get(0));
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
