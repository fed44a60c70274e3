package dev.petmanager.api;

import dev.petmanager.api.paging.PageRequest;

import static dev.petmanager.api.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every listing — users, pets, a user's pets — takes page, size and sort the same way, with the same limits
 * ({@link PageRequest}), and a user's pets keep their path under /users although the pet package serves them.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PagingLimitsTest {

    @Test
    void everyListingHasTheSameDefaultsAndLimits() {
        long owner = Api.createUser("Pager", Api.uniqueEmail("limits"));
        for (int i = 0; i <= PageRequest.DEFAULT_SIZE; i++) {
            Api.createPet("Limit " + i, "BIRD", owner);
        }
        for (String listing : List.of("/users", "/pets", "/users/" + owner + "/pets")) {
            given().get(listing).then().statusCode(200)
                    .body("page", equalTo(0)).body("size", equalTo(PageRequest.DEFAULT_SIZE))
                    .body("items.size()", lessThanOrEqualTo(PageRequest.DEFAULT_SIZE));
            given().get(listing + "?size=" + PageRequest.MAX_SIZE).then().statusCode(200)
                    .body("size", equalTo(PageRequest.MAX_SIZE));
            given().get(listing + "?size=" + (PageRequest.MAX_SIZE + 1)).then().spec(problem(400, listing))
                    .body("errors[0].field", equalTo("size"));
            given().get(listing + "?size=0").then().spec(problem(400, listing)).body("errors[0].field", equalTo("size"));
            given().get(listing + "?page=-1").then().spec(problem(400, listing)).body("errors[0].field", equalTo("page"));
            given().get(listing + "?page=" + (PageRequest.MAX_PAGE + 1)).then().spec(problem(400, listing))
                    .body("errors[0].field", equalTo("page"));
            given().get(listing + "?sort=nope").then().spec(problem(400, listing))
                    .body("errors[0].field", equalTo("sort"));
        }
        given().get("/users/" + owner + "/pets?size=" + PageRequest.DEFAULT_SIZE + "&page=1&sort=-name").then()
                .statusCode(200).body("totalItems", equalTo(PageRequest.DEFAULT_SIZE + 1)).body("items", hasSize(1))
                .body("items[0].name", equalTo("Limit 0"));
    }

    @Test
    void aUsersPetsKeepTheirPathAndItsRules() {
        long owner = Api.createUser("Owner", Api.uniqueEmail("owner"));
        given().get("/users/" + (owner + 1_000_000) + "/pets").then().spec(problem(404))
                .body("detail", containsString("user " + (owner + 1_000_000) + " does not exist"));
        given().delete("/users/" + owner + "/pets").then().spec(problem(405)).header("Allow", "GET, HEAD, OPTIONS");
        given().get("/users/" + owner + "/pets").then().statusCode(200).body("items", hasSize(0))
                .body("totalItems", equalTo(0));
    }
}
