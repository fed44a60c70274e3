package dev.petmanager.user;

import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.user.UserFixtures.ids;
import static dev.petmanager.user.UserFixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UserCreateAndDeleteTest {

    // ---- create ---------------------------------------------------------------------------------------------------

    @Test
    void createReturns201WithALocationThatResolvesAndStoresTheUser() {
        String email = Api.uniqueEmail("create");
        Instant before = Instant.now().minusSeconds(1);
        Response created = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Creed\",\"email\":\"" + email + "\"}")
                .when().post("/users");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", notNullValue())
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("name", equalTo("Creed"))
                .body("email", equalTo(email))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());
        long id = created.jsonPath().getLong("id");
        String location = created.header("Location");
        assertTrue(location.endsWith("/users/" + id), location);
        assertTrue(location.startsWith("http"), "absolute Location: " + location);

        given().when().get(location)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("email", equalTo(email))
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")));

        Map<String, Object> row = Db.row("SELECT * FROM users WHERE id = ?", id);
        assertEquals("Creed", row.get("name"));
        assertEquals(email, row.get("email"));
        assertEquals(0L, number(row.get("version")));
        Instant createdAt = Problems.instant(row.get("created_at"));
        assertTrue(createdAt.isAfter(before) && createdAt.isBefore(Instant.now().plusSeconds(1)), createdAt.toString());
    }

    @Test
    void createIgnoresServerOwnedIdCreatedAtAndVersion() {
        String email = Api.uniqueEmail("owned");
        long unusedId = Db.count("SELECT coalesce(max(id), 0) + 5000 FROM users");
        Response created = given().contentType(ContentType.JSON)
                .body("{\"id\":" + unusedId + ",\"name\":\"Owned\",\"email\":\"" + email
                        + "\",\"createdAt\":\"2001-01-01T00:00:00Z\",\"version\":7}")
                .when().post("/users");
        created.then().statusCode(201)
                .body("id", not(equalTo((int) unusedId)))
                .body("version", equalTo(0))
                .body("createdAt", not(startsWith("2001")));
        long id = created.jsonPath().getLong("id");
        Map<String, Object> row = Db.row("SELECT * FROM users WHERE email = ?", email);
        assertEquals(id, number(row.get("id")));
        assertEquals(0L, number(row.get("version")));
        assertTrue(Problems.instant(row.get("created_at")).isAfter(Instant.now().minus(Duration.ofMinutes(1))));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", unusedId));
    }

    @Test
    void createLowerCasesTheEmail() {
        String email = Api.uniqueEmail("MiXeD");
        String upper = email.toUpperCase();
        given().contentType(ContentType.JSON).body("{\"name\":\"Case\",\"email\":\"" + upper + "\"}")
                .when().post("/users")
                .then().statusCode(201).body("email", equalTo(email.toLowerCase()));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE email = ?", email.toLowerCase()));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE email = ?", upper));
    }

    @Test
    void createWithAnEmailTakenInAnotherCaseIsConflictAndStoresNothing() {
        String email = Api.uniqueEmail("taken");
        long first = Api.createUser("First", email);
        given().contentType(ContentType.JSON).body("{\"name\":\"Second\",\"email\":\"" + email.toUpperCase() + "\"}")
                .when().post("/users")
                .then().spec(problem(409, "/users"))
                .body("detail", containsString(email));
        assertEquals(List.of(first), ids(Db.rows("SELECT id FROM users WHERE lower(email) = ?", email)));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE name = 'Second' AND email = ?", email));
    }

    @Test
    void createWithInvalidFieldsIsRejectedWithFieldErrorsAndStoresNothing() {
        String email = Api.uniqueEmail("invalid");
        given().contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(101) + "\",\"email\":\"" + email + "\"}")
                .when().post("/users")
                .then().spec(problem(400, "/users")).body("errors.field", equalTo(List.of("name")));
        given().contentType(ContentType.JSON).body("{\"name\":\"   \",\"email\":\"not-an-email\"}")
                .when().post("/users")
                .then().spec(problem(400, "/users")).body("errors.field", equalTo(List.of("email", "name")));
        given().contentType(ContentType.JSON).body("{\"name\":\"No mail\"}")
                .when().post("/users")
                .then().spec(problem(400, "/users")).body("errors.field", equalTo(List.of("email")));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE email = ? OR name = 'No mail' OR email = 'not-an-email'",
                email));
    }

    @Test
    void nameOfExactly100CharactersIsAccepted() {
        String email = Api.uniqueEmail("long");
        given().contentType(ContentType.JSON).body("{\"name\":\"" + "n".repeat(100) + "\",\"email\":\"" + email + "\"}")
                .when().post("/users")
                .then().statusCode(201).body("name", equalTo("n".repeat(100)));
        assertEquals("n".repeat(100), Db.row("SELECT name FROM users WHERE email = ?", email).get("name"));
    }

    @Test
    void concurrentCreatesWithTheSameEmailStoreExactlyOneUser() throws Exception {
        String email = Api.uniqueEmail("same");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String sent = i % 2 == 0 ? email : email.toUpperCase();
            statuses.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON).body("{\"name\":\"Same\",\"email\":\"" + sent + "\"}")
                        .when().post("/users").then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (var status : statuses) {
            results.add(status.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, results.stream().filter(s -> s == 201).count(), "one created: " + results);
        assertEquals(writers - 1, results.stream().filter(s -> s == 409).count(), "the others conflict: " + results);
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE lower(email) = ?", email));
    }

    // ---- DELETE ---------------------------------------------------------------------------------------------------

    @Test
    void deletingAUserWithoutPetsRemovesIt() {
        long id = Api.createUser("Leaving", Api.uniqueEmail("delete"));
        given().when().delete("/users/" + id).then().statusCode(204).body(equalTo(""));
        assertNull(Db.row("SELECT * FROM users WHERE id = ?", id));
        given().when().get("/users/" + id).then().spec(problem(404, "/users/" + id));
        given().when().delete("/users/" + id).then().spec(problem(404, "/users/" + id));
    }

    @Test
    void deletingUserWithPetsIsConflictAndKeepsEverything() {
        long owner = Api.createUser("Keeper", Api.uniqueEmail("keeper"));
        long rex = Api.createPet("Rex", "DOG", owner);
        long tom = Api.createPet("Tom", "CAT", owner);
        given().when().delete("/users/" + owner)
                .then().spec(problem(409, "/users/" + owner))
                .body("detail", containsString("cascade=true"))
                .body("detail", containsString("2 pet(s)"));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", owner));
        assertEquals(List.of(rex, tom), ids(Db.rows("SELECT id FROM pets WHERE owner_id = ? ORDER BY id", owner)));
        given().when().delete("/users/" + owner + "?cascade=false").then().spec(problem(409));
        assertEquals(2, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void cascadeThatIsNeitherTrueNorFalseIsRejectedAndDeletesNothing() {
        long owner = Api.createUser("Unsure", Api.uniqueEmail("unsure"));
        Api.createPet("Rex", "DOG", owner);
        given().when().delete("/users/" + owner + "?cascade=maybe")
                .then().spec(problem(400, "/users/" + owner))
                .body("errors[0].field", equalTo("cascade"));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", owner));
        assertEquals(1, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void deletingUserWithCascadeDeletesTheUserAndOnlyTheirPets() {
        long owner = Api.createUser("Cascade", Api.uniqueEmail("cascade"));
        long gone1 = Api.createPet("Gone 1", "DOG", owner);
        long gone2 = Api.createPet("Gone 2", "BIRD", owner);
        long neighbour = Api.createUser("Neighbour", Api.uniqueEmail("neighbour"));
        long stays = Api.createPet("Stays", "CAT", neighbour);
        for (long pet : new long[] { gone1, gone2, stays }) {
            given().when().get("/pets/" + pet).then().statusCode(200); // now held in any entity cache
        }
        given().when().get("/users/" + owner).then().statusCode(200);

        given().when().delete("/users/" + owner + "?cascade=true").then().statusCode(204);

        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", owner));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
        assertEquals(List.of(stays), ids(Db.rows("SELECT id FROM pets WHERE owner_id = ?", neighbour)));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", neighbour));
        given().when().get("/users/" + owner + "/pets").then().spec(problem(404));
        given().when().get("/users/" + owner).then().spec(problem(404, "/users/" + owner));
        given().when().get("/pets/" + gone1).then().spec(problem(404, "/pets/" + gone1));
        given().when().get("/pets/" + gone2).then().spec(problem(404, "/pets/" + gone2));
        given().when().get("/pets/" + stays).then().statusCode(200).body("ownerId", equalTo((int) neighbour));
    }

    @Test
    void deletingAnUnknownUserIsNotFound() {
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        long before = Db.count("SELECT count(*) FROM users");
        given().when().delete("/users/" + missing).then().spec(problem(404, "/users/" + missing));
        given().when().delete("/users/" + missing + "?cascade=true").then().spec(problem(404, "/users/" + missing));
        assertEquals(before, Db.count("SELECT count(*) FROM users"));
    }
}
