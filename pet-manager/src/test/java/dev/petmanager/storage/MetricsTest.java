package dev.petmanager.storage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.Metrics;
import dev.petmanager.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /q/metrics covers what an operator of this service watches: the HTTP server, the connection pool, the single
 * writer (queue depth, batch sizes, commit times) and what Flyway did at start.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MetricsTest {

    @Test
    void httpServerRequestsAreCountedPerRouteAndStatus() {
        Metrics before = Metrics.scrape();
        long user = Api.createUser("Metered", Api.uniqueEmail("metered"));
        long pet = Api.createPet("Metered pet", "CAT", user);
        given().get("/pets/" + pet).then().statusCode(200);
        given().get("/pets/" + (pet + 1_000_000)).then().statusCode(404);

        Metrics after = Metrics.scrape();
        assertEquals(1, increase(before, after, "http_server_requests_seconds_count",
                "method", "POST", "uri", "/pets", "status", "201"));
        assertEquals(2, increase(before, after, "http_server_requests_seconds_count",
                "method", "GET", "uri", "/pets/{id}"));
        assertEquals(1, increase(before, after, "http_server_requests_seconds_count",
                "method", "GET", "uri", "/pets/{id}", "status", "404"));
    }

    @Test
    void theConnectionPoolIsMeasured() {
        Metrics metrics = Metrics.scrape();
        assertTrue(metrics.require("agroal_max_used_count", "datasource", "default") >= 1);
        assertTrue(metrics.value("agroal_active_count", "datasource", "default").isPresent());
        assertTrue(metrics.value("agroal_awaiting_count", "datasource", "default").isPresent());
    }

    @Test
    void everyWriteGoesThroughTheMeasuredQueue() {
        Metrics before = Metrics.scrape();
        long user = Api.createUser("Queued", Api.uniqueEmail("queued"));
        Api.createPet("Queued pet", "DOG", user);
        given().delete("/users/" + user + "?cascade=true").then().statusCode(204);

        Metrics after = Metrics.scrape();
        assertEquals(3, increase(before, after, "petmanager_writes_commit_seconds_count", "outcome", "committed"));
        assertTrue(increase(before, after, "petmanager_writes_commit_seconds_sum", "outcome", "committed") > 0);
        // Sequential requests: each write is a batch of its own and commits alone (both databases group-commit).
        assertEquals(3, increase(before, after, "petmanager_writes_batch_size_count"));
        assertEquals(3, increase(before, after, "petmanager_writes_batch_size_sum"));
        if (TestDatabase.isPostgresql()) {
            // Writes wait for a turn on their own request threads: no queue of a writer thread to measure.
            assertTrue(after.value("petmanager_writes_queued").isEmpty());
        } else {
            assertEquals(0, after.require("petmanager_writes_queued"), "nothing waits once every request was answered");
        }
    }

    @Test
    void theMigrationsAppliedAtStartAndTheSchemaVersionAreReported() {
        // A fresh database: this start applied every migration in the history.
        List<Object> versions = Db.rows("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .stream().map(row -> row.get("version")).toList();
        Metrics metrics = Metrics.scrape();
        assertEquals(versions.size(), metrics.require("petmanager_migrations_applied"));
        assertEquals(1, metrics.require("petmanager_schema_version", "version", String.valueOf(versions.get(versions.size() - 1))));
    }

    private static double increase(Metrics before, Metrics after, String name, String... labels) {
        return after.require(name, labels) - before.value(name, labels).orElse(0);
    }
}
