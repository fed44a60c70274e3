package dev.petmanager.pet;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.TestDatabase;
import dev.petmanager.support.TestIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * {@code GET /pets/{id}} answers a pet it read before from memory on SQLite ({@link PetViews}): every write is seen
 * by the next read, the answer is the same bytes as a fresh read's, and whose pet it is, is checked on every request.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PetViewsInUseTest {

    @Test
    void aPetReadAgainAfterEachWriteShowsThatWrite() {
        long owner = PetFixtures.owner();
        long id = Api.createPet("Rex", "DOG", owner);
        Response fresh = get(id, 0);
        assertSameAnswer(fresh, get(id, 0)); // the second read is the remembered one

        given().contentType(ContentType.JSON).body("{\"name\":\"Max\",\"species\":\"CAT\",\"ownerId\":" + owner + "}")
                .put("/pets/" + id).then().statusCode(200);
        assertEquals("Max", get(id, 1).jsonPath().getString("name"));

        given().contentType(MERGE_PATCH).body("{\"weightGrams\":4200}").patch("/pets/" + id).then().statusCode(200);
        Response patched = get(id, 2);
        assertEquals(4200, patched.jsonPath().getInt("weightGrams"));
        assertSameAnswer(patched, get(id, 2));

        given().delete("/pets/" + id).then().statusCode(204);
        given().get("/pets/" + id).then().statusCode(404);
    }

    @Test
    void aPetDeletedWithItsOwnerIsGoneAtOnce() {
        long owner = PetFixtures.owner();
        long id = Api.createPet("Rex", "DOG", owner);
        get(id, 0);
        given().delete("/users/" + owner + "?cascade=true").then().statusCode(204);
        given().get("/pets/" + id).then().statusCode(404);
    }

    @Test
    void anotherUsersRememberedPetIsStillNotFound() {
        long run = System.nanoTime();
        String alice = TestIssuer.token("alice-views-" + run, List.of("user"));
        String bob = TestIssuer.token("bob-views-" + run, List.of("user"));
        long aliceId = Api.signUp(alice, "Alice");
        Api.signUp(bob, "Bob");
        long id = Api.createPetAs(alice, "Alice's cat", "CAT", aliceId);
        long missing = PetFixtures.missingPetId();

        Response alices = given().auth().oauth2(alice).get("/pets/" + id);
        assertEquals(200, alices.statusCode());
        Response bobs = given().auth().oauth2(bob).get("/pets/" + id);
        Response bobsMissing = given().auth().oauth2(bob).get("/pets/" + missing);
        assertEquals(404, bobs.statusCode());
        assertEquals(bobsMissing.asString().replace(String.valueOf(missing), "<id>"),
                bobs.asString().replace(String.valueOf(id), "<id>"));
        assertEquals(bobsMissing.headers().asList().size(), bobs.headers().asList().size());
        assertSameAnswer(alices, get(id, 0)); // the admin's read of the same remembered pet
    }

    @Test
    void onPostgresqlAPetChangedByAnotherReplicaIsServedAsStored() {
        assumeTrue(TestDatabase.isPostgresql(), "only PostgreSQL's replicas share the database; SQLite's file is the process's");
        long id = Api.createPet("Rex", "DOG", PetFixtures.owner());
        get(id, 0);
        Db.execute("UPDATE pets SET name = 'Changed elsewhere', version = version + 1 WHERE id = ?", id);
        assertEquals("Changed elsewhere", get(id, 1).jsonPath().getString("name"));
    }

    private static Response get(long id, long version) {
        Response response = given().get("/pets/" + id);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("\"" + version + "\"", response.header("ETag"));
        return response;
    }

    /** Status, headers (but the date) and body the same bytes. */
    private static void assertSameAnswer(Response expected, Response actual) {
        assertEquals(expected.statusCode(), actual.statusCode());
        assertEquals(headers(expected), headers(actual));
        assertEquals(expected.asString(), actual.asString());
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new java.util.TreeMap<>();
        response.headers().forEach(h -> {
            if (!h.getName().equalsIgnoreCase("Date")) {
                headers.put(h.getName().toLowerCase(java.util.Locale.ROOT), h.getValue());
            }
        });
        return headers;
    }
}
