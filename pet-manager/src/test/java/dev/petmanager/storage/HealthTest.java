package dev.petmanager.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.Management;
import dev.petmanager.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthTest {

    @Test
    void freshDatabaseIsCreatedInAMissingFolderAndMigratedToHead() {
        if (TestDatabase.current() == TestDatabase.SQLITE) {
            assertTrue(Files.isRegularFile(FreshDatabase.file()), "database file created with its folder");
            }
        List<Object> versions = Db.rows("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .stream().map(r -> r.get("version")).toList();
        assertEquals(List.of("1", "2", "3", "4", "5"), versions);
    }

    @Test
    void readinessChecksDatabaseAndMigrations() {
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database migrations"))
                .body("checks.find { it.name == 'database migrations' }.data.pending", equalTo(0))
                .body("checks.find { it.name == 'database migrations' }.data.current", equalTo("5"));
    }

    @Test
    void livenessIsUp() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        // The API's port is the one a deployment publishes: operations endpoints are not reachable through it.
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started",
                "/q/metrics")) {
            given().when().get(path).then().statusCode(404);
            Management.given().when().get(path).then().statusCode(200);
        }
        given().when().head("/q/health/ready").then().statusCode(404);
        Management.given().when().head("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theManagementPortServesNoApi() {
        for (String path : List.of("/users", "/pets", "/me", "/q/openapi", "/q/swagger-ui/")) {
            Management.given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/users'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/pets/{id}'.patch", org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void apiIndexLinksTheCollectionsAndDocs() {
        given().when().get("/")
                .then().statusCode(200)
                .body("name", equalTo("Pet Manager"))
                .body("links.users", equalTo("/users"))
                .body("links.pets", equalTo("/pets"))
                .body("links.openapi", equalTo("/q/openapi"));
    }

    @Test
    void devOnlyEndpointsAreAbsent() {
        // Dev UI and other dev-mode tooling must never ship in the jar or the native executable.
        given().when().get("/q/dev-ui").then().statusCode(404);
        given().when().get("/q/dev-ui/welcome").then().statusCode(404);
    }
}
