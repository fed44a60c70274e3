package dev.petmanager.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Db;
import dev.petmanager.support.Metrics;
import dev.petmanager.support.OlderDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = OlderDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class MigrationFromOlderVersionTest {

    @Test
    void onlyThePendingMigrationRanAndTheDatabaseIsAtHead() {
        List<Map<String, Object>> history = Db.rows(
                "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank");
        assertEquals(List.of(Map.of("version", "1", "success", 1), Map.of("version", "2", "success", 1),
                Map.of("version", "3", "success", 1), Map.of("version", "4", "success", 1),
                Map.of("version", "5", "success", 1)), history);
        assertTrue(Db.hasIndex("ix_pets_species"));
        assertTrue(Db.hasColumn("users", "subject"));
        assertTrue(Db.hasColumn("pets", "weight_grams"));
    }

    @Test
    void theMetricsCountOnlyTheMigrationsThisStartApplied() {
        Metrics metrics = Metrics.scrape();
        long history = Db.count("SELECT count(*) FROM flyway_schema_history WHERE success");
        assertEquals(history - 1, metrics.require("petmanager_migrations_applied"), "all but V1, which was there");
        assertEquals(1, metrics.require("petmanager_schema_version", "version",
                String.valueOf(Db.row("SELECT max(CAST(version AS INTEGER)) AS v FROM flyway_schema_history").get("v"))));
    }

    @Test
    void rowsWrittenBeforeTheUpgradeAreIntact() {
        assertEquals(List.of(
                Map.of("id", 1, "name", "Rex", "species", "DOG", "owner_id", 1, "version", 0),
                Map.of("id", 2, "name", "Tom", "species", "CAT", "owner_id", 1, "version", 1),
                Map.of("id", 3, "name", "Tweety", "species", "BIRD", "owner_id", 2, "version", 0)),
                Db.rows("SELECT id, name, species, owner_id, version FROM pets WHERE id <= 3 ORDER BY id"));
        assertEquals(3, Db.count("SELECT count(*) FROM pets WHERE id <= 3 AND weight_grams IS NULL"), "new column empty");
        assertEquals(2, Db.count("SELECT count(*) FROM users WHERE id <= 2"));
    }

    @Test
    void theServiceServesTheOldRows() {
        given().when().get("/users/2")
                .then().statusCode(200)
                .body("email", equalTo("old.bob@example.com"))
                .body("version", equalTo(3));
        given().when().get("/pets/3")
                .then().statusCode(200)
                .body("name", equalTo("Tweety"))
                .body("ownerId", equalTo(2))
                .body("birthDate", equalTo("2022-02-02"));
        given().when().get("/pets?species=cat&ownerId=1")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].name", equalTo("Tom"));
    }
}
