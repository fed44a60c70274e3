package dev.petmanager.user;

import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.user.UserFixtures.ids;
import static dev.petmanager.user.UserFixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.api.Problems;
import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UserQueryTest {

    // ---- list ---------------------------------------------------------------------------------------------------

    @Test
    void listPagesThroughUsersNewestIdFirstWithTotals() {
        for (int i = 0; i < 3; i++) {
            Api.createUser("Pager " + i, Api.uniqueEmail("pager"));
        }
        long total = Db.count("SELECT count(*) FROM users");
        List<Long> expected = ids(Db.rows("SELECT id FROM users ORDER BY id DESC LIMIT 4"));

        JsonPath first = given().when().get("/users?page=0&size=2&sort=-id")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo((int) total))
                .body("totalPages", equalTo((int) ((total + 1) / 2)))
                .body("items", hasSize(2))
                .extract().jsonPath();
        JsonPath second = given().when().get("/users?page=1&size=2&sort=-id")
                .then().statusCode(200)
                .body("page", equalTo(1))
                .body("totalItems", equalTo((int) total))
                .body("items", hasSize(2))
                .extract().jsonPath();

        List<Long> listed = new ArrayList<>(first.getList("items.id", Long.class));
        listed.addAll(second.getList("items.id", Long.class));
        assertEquals(expected, listed, "two pages, newest id first, as stored");
    }

    @Test
    void listItemsHaveTheUserShape() {
        String email = Api.uniqueEmail("shape");
        long id = Api.createUser("Shape", email);
        given().when().get("/users?sort=-id&size=1")
                .then().statusCode(200)
                .body("items[0].id", equalTo((int) id))
                .body("items[0].name", equalTo("Shape"))
                .body("items[0].email", equalTo(email))
                .body("items[0].createdAt", notNullValue())
                .body("items[0].version", equalTo(0))
                .body("items[0].keySet()", equalTo(java.util.Set.of("id", "name", "email", "createdAt", "version")));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ? AND email = ?", id, email));
    }

    @Test
    void listBeyondTheLastPageIsEmptyButKeepsTheTotals() {
        Api.createUser("Far", Api.uniqueEmail("far"));
        long total = Db.count("SELECT count(*) FROM users");
        given().when().get("/users?page=100000&size=100")
                .then().statusCode(200)
                .body("items", empty())
                .body("page", equalTo(100000))
                .body("totalItems", equalTo((int) total))
                .body("totalPages", equalTo((int) ((total + 99) / 100)));
    }

    @Test
    void listSortsByNameDescendingThenByCreatedAt() {
        Api.createUser("zzzz sorted last", Api.uniqueEmail("sort"));
        Api.createUser("AAAA sorted first", Api.uniqueEmail("sort"));
        List<Long> expected = ids(Db.rows("SELECT id FROM users ORDER BY name DESC, created_at ASC, id ASC LIMIT 100"));
        List<Long> listed = given().when().get("/users?size=100&sort=-name,createdAt")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertEquals(expected, listed);
    }

    @Test
    void listSortsByEmailAscending() {
        Api.createUser("Sort by mail", Api.uniqueEmail("aaaa-mail"));
        List<String> expected = Db.rows("SELECT email FROM users ORDER BY email ASC, id LIMIT 50").stream()
                .map(r -> (String) r.get("email")).toList();
        given().when().get("/users?size=50&sort=email")
                .then().statusCode(200)
                .body("items.email", equalTo(expected));
    }

    @Test
    void listWithSizeOver100IsRejected() {
        given().when().get("/users?size=101")
                .then().spec(problem(400, "/users"))
                .body("errors[0].field", equalTo("size"));
        given().when().get("/users?size=100").then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void listWithSizeZeroOrNegativePageIsRejected() {
        given().when().get("/users?size=0").then().spec(problem(400, "/users")).body("errors[0].field", equalTo("size"));
        given().when().get("/users?page=-1").then().spec(problem(400, "/users")).body("errors[0].field", equalTo("page"));
    }

    @Test
    void listWithAPageBeyondAnyPossibleOffsetIsRejected() {
        int maxPage = Integer.MAX_VALUE / 100;
        given().when().get("/users?size=100&page=" + maxPage)
                .then().statusCode(200).body("items", empty()).body("page", equalTo(maxPage));
        given().when().get("/users?size=100&page=" + (maxPage + 1))
                .then().spec(problem(400, "/users")).body("errors[0].field", equalTo("page"));
        given().when().get("/users?page=" + Integer.MAX_VALUE)
                .then().spec(problem(400, "/users")).body("errors[0].field", equalTo("page"));
    }

    @Test
    void listSortedByAnUnknownFieldIsRejectedNamingTheSortableFields() {
        for (String sort : List.of("password", "-password", "name,nope", "owner.id", ",,", "name,,", "-")) {
            given().queryParam("sort", sort).when().get("/users")
                    .then().spec(problem(400, "/users"))
                    .body("errors[0].field", equalTo("sort"))
                    .body("detail", containsString("createdAt, email, id, name"));
        }
    }

    // ---- get ------------------------------------------------------------------------------------------------------

    @Test
    void getReturnsTheStoredUserWithItsVersionAsETag() {
        String email = Api.uniqueEmail("get");
        long id = Api.createUser("Getty", email);
        Map<String, Object> row = Db.row("SELECT * FROM users WHERE id = ?", id);

        Response response = given().when().get("/users/" + id);
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo((int) id))
                .body("name", equalTo("Getty"))
                .body("email", equalTo(email))
                .body("version", equalTo(0));
        assertEquals(Problems.instant(row.get("created_at")), Instant.parse(response.jsonPath().getString("createdAt")));
        assertEquals("Getty", row.get("name"));
        assertEquals(0L, number(row.get("version")));
    }

    @Test
    void getUnknownUserIsNotFound() {
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        given().when().get("/users/" + missing)
                .then().spec(problem(404, "/users/" + missing))
                .body("detail", equalTo("user " + missing + " does not exist"));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", missing));
    }

    @Test
    void getWithNonNumericIdIsABadRequest() {
        long before = Db.count("SELECT count(*) FROM users");
        for (String id : List.of("abc", "1.5", "99999999999999999999999")) {
            given().when().get("/users/" + id).then().spec(problem(400, "/users/" + id))
                    .body("detail", containsString("wrong type"));
        }
        assertEquals(before, Db.count("SELECT count(*) FROM users"));
    }

    // ---- /users/{id}/pets -----------------------------------------------------------------------------------------

    @Test
    void userPetsListsOnlyThatUsersPets() {
        long owner = Api.createUser("Owner", Api.uniqueEmail("owner"));
        long other = Api.createUser("Other", Api.uniqueEmail("other"));
        long a = Api.createPet("Alpha", "DOG", owner);
        long b = Api.createPet("Bravo", "CAT", owner);
        Api.createPet("Not mine", "CAT", other);

        given().when().get("/users/" + owner + "/pets")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(1))
                .body("items.id", equalTo(List.of((int) a, (int) b)))
                .body("items.ownerId", everyItem(equalTo((int) owner)))
                .body("items.name", equalTo(List.of("Alpha", "Bravo")));
        assertEquals(List.of(a, b), ids(Db.rows("SELECT id FROM pets WHERE owner_id = ? ORDER BY id", owner)));
    }

    @Test
    void userPetsPagesAndSorts() {
        long owner = Api.createUser("Many", Api.uniqueEmail("many"));
        long c = Api.createPet("Charlie", "DOG", owner);
        long a = Api.createPet("Alpha", "DOG", owner);
        long b = Api.createPet("Bravo", "DOG", owner);
        given().when().get("/users/" + owner + "/pets?size=2&page=0&sort=-name")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of((int) c, (int) b)))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        given().when().get("/users/" + owner + "/pets?size=2&page=1&sort=-name")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of((int) a)));
        given().when().get("/users/" + owner + "/pets?size=101").then().spec(problem(400));
        given().when().get("/users/" + owner + "/pets?sort=weight").then().spec(problem(400));
        assertEquals(3, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void userPetsOfAUserWithoutPetsIsEmpty() {
        long owner = Api.createUser("Petless", Api.uniqueEmail("petless"));
        given().when().get("/users/" + owner + "/pets")
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0)).body("totalPages", equalTo(0));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void userPetsOfAnUnknownUserIsNotFound() {
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        given().when().get("/users/" + missing + "/pets")
                .then().spec(problem(404, "/users/" + missing + "/pets"))
                .body("detail", equalTo("user " + missing + " does not exist"));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", missing));
    }
}
