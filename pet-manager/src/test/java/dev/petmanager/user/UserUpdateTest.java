package dev.petmanager.user;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.user.UserFixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UserUpdateTest {

    // ---- PUT ------------------------------------------------------------------------------------------------------

    @Test
    void putReplacesTheUserAndIncrementsTheVersion() {
        long id = Api.createUser("Before", Api.uniqueEmail("put"));
        Object createdAt = Db.row("SELECT created_at FROM users WHERE id = ?", id).get("created_at");
        String newEmail = Api.uniqueEmail("PUT-after");

        given().contentType(ContentType.JSON)
                .body("{\"name\":\"After\",\"email\":\"" + newEmail + "\",\"version\":0}")
                .when().put("/users/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo((int) id))
                .body("name", equalTo("After"))
                .body("email", equalTo(newEmail.toLowerCase()))
                .body("version", equalTo(1));

        Map<String, Object> row = Db.row("SELECT * FROM users WHERE id = ?", id);
        assertEquals("After", row.get("name"));
        assertEquals(newEmail.toLowerCase(), row.get("email"));
        assertEquals(1L, number(row.get("version")));
        assertEquals(createdAt, row.get("created_at"), "createdAt is not changed by an update");

        given().when().get("/users/" + id).then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("After"));
    }

    @Test
    void putWithoutVersionOrIfMatchUpdatesUnconditionally() {
        long id = Api.createUser("Blind", Api.uniqueEmail("blind"));
        String email = Api.uniqueEmail("blind2");
        given().contentType(ContentType.JSON).body("{\"name\":\"Blind 2\",\"email\":\"" + email + "\"}")
                .when().put("/users/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        assertEquals(Map.of("name", "Blind 2", "email", email, "version", 1),
                Db.row("SELECT name, email, version FROM users WHERE id = ?", id));
    }

    @Test
    void putEchoingAGetBodyIgnoresServerOwnedFields() {
        long id = Api.createUser("Echo", Api.uniqueEmail("echo"));
        Map<String, Object> current = given().when().get("/users/" + id).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> changed = new java.util.LinkedHashMap<>(current);
        changed.put("name", "Echoed");
        changed.put("createdAt", "2001-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(changed)
                .when().put("/users/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Echoed"))
                .body("createdAt", equalTo(current.get("createdAt")))
                .body("version", equalTo(1));
        assertEquals("Echoed", Db.row("SELECT name FROM users WHERE id = ?", id).get("name"));
    }

    @Test
    void putWithAStaleVersionInTheBodyIsConflictAndChangesNothing() {
        String email = Api.uniqueEmail("stale");
        long id = Api.createUser("Stale", email);
        given().contentType(ContentType.JSON).body("{\"name\":\"Fresh\",\"email\":\"" + email + "\",\"version\":0}")
                .when().put("/users/" + id).then().statusCode(200).body("version", equalTo(1));

        given().contentType(ContentType.JSON).body("{\"name\":\"Lost update\",\"email\":\"" + email + "\",\"version\":0}")
                .when().put("/users/" + id)
                .then().spec(problem(409, "/users/" + id))
                .body("detail", containsString("version 1"));
        assertEquals(Map.of("name", "Fresh", "version", 1), Db.row("SELECT name, version FROM users WHERE id = ?", id));
    }

    @Test
    void putWithAStaleIfMatchIsConflictAndACurrentOneSucceeds() {
        String email = Api.uniqueEmail("ifmatch");
        long id = Api.createUser("If", email);
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body("{\"name\":\"Lost\",\"email\":\"" + email + "\"}")
                .when().put("/users/" + id)
                .then().spec(problem(409, "/users/" + id));
        assertEquals(Map.of("name", "If", "version", 0), Db.row("SELECT name, version FROM users WHERE id = ?", id));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Matched\",\"email\":\"" + email + "\"}")
                .when().put("/users/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("version", equalTo(1));
        assertEquals(Map.of("name", "Matched", "version", 1), Db.row("SELECT name, version FROM users WHERE id = ?", id));
    }

    @Test
    void putWithAnEmailOfAnotherUserInAnyCaseIsConflictAndChangesNothing() {
        String taken = Api.uniqueEmail("other");
        Api.createUser("Other", taken);
        String mine = Api.uniqueEmail("mine");
        long id = Api.createUser("Mine", mine);
        given().contentType(ContentType.JSON).body("{\"name\":\"Mine\",\"email\":\"" + taken.toUpperCase() + "\"}")
                .when().put("/users/" + id)
                .then().spec(problem(409, "/users/" + id));
        assertEquals(Map.of("email", mine, "version", 0), Db.row("SELECT email, version FROM users WHERE id = ?", id));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE email = ?", taken));
    }

    @Test
    void putKeepingTheOwnEmailInAnotherCaseIsAllowed() {
        String mine = Api.uniqueEmail("own");
        long id = Api.createUser("Own", mine);
        given().contentType(ContentType.JSON).body("{\"name\":\"Own 2\",\"email\":\"" + mine.toUpperCase() + "\"}")
                .when().put("/users/" + id)
                .then().statusCode(200).body("email", equalTo(mine));
        assertEquals(Map.of("name", "Own 2", "email", mine), Db.row("SELECT name, email FROM users WHERE id = ?", id));
    }

    @Test
    void putMissingARequiredFieldIsRejectedAndChangesNothing() {
        String email = Api.uniqueEmail("partial");
        long id = Api.createUser("Whole", email);
        given().contentType(ContentType.JSON).body("{\"name\":\"Only a name\"}")
                .when().put("/users/" + id)
                .then().spec(problem(400, "/users/" + id))
                .body("errors.field", equalTo(List.of("email")));
        assertEquals(Map.of("name", "Whole", "email", email, "version", 0),
                Db.row("SELECT name, email, version FROM users WHERE id = ?", id));
    }

    @Test
    void putUnknownUserIsNotFoundAndCreatesNothing() {
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        String email = Api.uniqueEmail("ghost");
        given().contentType(ContentType.JSON).body("{\"name\":\"Ghost\",\"email\":\"" + email + "\"}")
                .when().put("/users/" + missing)
                .then().spec(problem(404, "/users/" + missing));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ? OR email = ?", missing, email));
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws Exception {
        String email = Api.uniqueEmail("race");
        long id = Api.createUser("Race", email);
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String name = "Racer " + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON)
                        .body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"version\":0}")
                        .when().put("/users/" + id).then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (var status : statuses) {
            results.add(status.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, results.stream().filter(s -> s == 200).count(), "one winner: " + results);
        assertEquals(writers - 1, results.stream().filter(s -> s == 409).count(), "the others conflict: " + results);
        Map<String, Object> row = Db.row("SELECT name, version FROM users WHERE id = ?", id);
        assertEquals(1L, number(row.get("version")));
        assertTrue(((String) row.get("name")).startsWith("Racer "), row.toString());
    }

    // ---- PATCH ----------------------------------------------------------------------------------------------------

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String email = Api.uniqueEmail("patch");
        long id = Api.createUser("Patchy", email);
        given().contentType(MERGE_PATCH).body("{\"name\":\"Patched\"}")
                .when().patch("/users/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Patched"))
                .body("email", equalTo(email))
                .body("version", equalTo(1));
        assertEquals(Map.of("name", "Patched", "email", email, "version", 1),
                Db.row("SELECT name, email, version FROM users WHERE id = ?", id));
    }

    @Test
    void mergePatchIgnoresServerOwnedIdAndCreatedAt() {
        String email = Api.uniqueEmail("powned");
        long id = Api.createUser("Owned", email);
        Map<String, Object> before = Db.row("SELECT id, created_at FROM users WHERE id = ?", id);
        long otherId = id + 100000;
        given().contentType(MERGE_PATCH)
                .body("{\"id\":" + otherId + ",\"createdAt\":\"2001-01-01T00:00:00Z\",\"name\":\"Still owned\"}")
                .when().patch("/users/" + id)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("name", equalTo("Still owned"))
                .body("createdAt", not(startsWith("2001")));
        assertEquals(before, Db.row("SELECT id, created_at FROM users WHERE id = ?", id));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", otherId));
        assertEquals("Still owned", Db.row("SELECT name FROM users WHERE id = ?", id).get("name"));
    }

    @Test
    void mergePatchOfTheEmailLowerCasesItAndChecksUniqueness() {
        String taken = Api.uniqueEmail("ptaken");
        Api.createUser("Taken", taken);
        String email = Api.uniqueEmail("pmail");
        long id = Api.createUser("Mail", email);
        String changed = Api.uniqueEmail("PMAIL-NEW");

        given().contentType(MERGE_PATCH).body("{\"email\":\"" + taken.toUpperCase() + "\"}")
                .when().patch("/users/" + id)
                .then().spec(problem(409, "/users/" + id));
        assertEquals(email, Db.row("SELECT email FROM users WHERE id = ?", id).get("email"));

        given().contentType(MERGE_PATCH).body("{\"email\":\"" + changed + "\"}")
                .when().patch("/users/" + id)
                .then().statusCode(200).body("email", equalTo(changed.toLowerCase())).body("name", equalTo("Mail"));
        assertEquals(Map.of("name", "Mail", "email", changed.toLowerCase(), "version", 1),
                Db.row("SELECT name, email, version FROM users WHERE id = ?", id));
    }

    @Test
    void mergePatchSettingARequiredFieldToNullIsRejectedWithAFieldError() {
        String email = Api.uniqueEmail("pnull");
        long id = Api.createUser("Required", email);
        given().contentType(MERGE_PATCH).body("{\"email\":null}")
                .when().patch("/users/" + id)
                .then().spec(problem(400, "/users/" + id))
                .body("errors.field", equalTo(List.of("email")));
        given().contentType(MERGE_PATCH).body("{\"name\":null,\"email\":\"bad\"}")
                .when().patch("/users/" + id)
                .then().spec(problem(400, "/users/" + id))
                .body("errors.field", equalTo(List.of("email", "name")));
        assertEquals(Map.of("name", "Required", "email", email, "version", 0),
                Db.row("SELECT name, email, version FROM users WHERE id = ?", id));
    }

    @Test
    void mergePatchThatIsNotAnObjectIsRejected() {
        String email = Api.uniqueEmail("pshape");
        long id = Api.createUser("Shape", email);
        for (String body : List.of("[{\"name\":\"x\"}]", "\"name\"", "42", "null")) {
            given().contentType(MERGE_PATCH).body(body)
                    .when().patch("/users/" + id)
                    .then().spec(problem(400, "/users/" + id));
        }
        assertEquals(Map.of("name", "Shape", "version", 0), Db.row("SELECT name, version FROM users WHERE id = ?", id));
    }

    @Test
    void mergePatchWithAStaleIfMatchOrVersionIsConflict() {
        long id = Api.createUser("Locked", Api.uniqueEmail("plock"));
        given().contentType(MERGE_PATCH).body("{\"name\":\"v1\"}").when().patch("/users/" + id)
                .then().statusCode(200).body("version", equalTo(1));

        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"name\":\"lost\"}")
                .when().patch("/users/" + id)
                .then().spec(problem(409, "/users/" + id));
        given().contentType(MERGE_PATCH).body("{\"name\":\"lost\",\"version\":0}")
                .when().patch("/users/" + id)
                .then().spec(problem(409, "/users/" + id));
        assertEquals(Map.of("name", "v1", "version", 1), Db.row("SELECT name, version FROM users WHERE id = ?", id));

        given().contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"name\":\"v2\"}")
                .when().patch("/users/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("version", equalTo(2));
        assertEquals(Map.of("name", "v2", "version", 2), Db.row("SELECT name, version FROM users WHERE id = ?", id));
    }

    @Test
    void mergePatchOfAnUnknownUserIsNotFound() {
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        given().contentType(MERGE_PATCH).body("{\"name\":\"Nobody\"}")
                .when().patch("/users/" + missing)
                .then().spec(problem(404, "/users/" + missing));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ? OR name = 'Nobody'", missing));
    }
}
