package dev.petmanager.api;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.TestIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.petmanager.support.AdminTokenByDefault;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A user reaches only their own profile and pets: user A probing user B's ids — by id, through list filters, PUT,
 * PATCH, DELETE and B's pet listing — gets exactly what a missing id gets, and nothing changes. An admin reaches all,
 * rows without a subject included.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OwnershipTest {

    private static final long MISSING = 999_999;

    private String alice;
    private String bob;
    private long aliceId;
    private long bobId;
    private long alicePet;
    private long bobPet;

    @BeforeEach
    void twoUsersWithAPetEach() {
        AdminTokenByDefault.sendNoDefaultToken();
        long run = System.nanoTime();
        alice = TestIssuer.token("alice-" + run, List.of("user"));
        bob = TestIssuer.token("bob-" + run, List.of("user"));
        aliceId = Api.signUp(alice, "Alice");
        bobId = Api.signUp(bob, "Bob");
        alicePet = Api.createPetAs(alice, "Alice's cat", "CAT", aliceId);
        bobPet = Api.createPetAs(bob, "Bob's dog", "DOG", bobId);
    }

    @Test
    void anotherUsersPetIsExactlyLikeAMissingOne() {
        Map<String, Object> before = AuthenticationTest.rows();
        assertSameAnswer(as(alice).get("/pets/" + bobPet), as(alice).get("/pets/" + MISSING), bobPet);
        assertSameAnswer(as(alice).contentType(ContentType.JSON).body(pet("Stolen", aliceId)).put("/pets/" + bobPet),
                as(alice).contentType(ContentType.JSON).body(pet("Stolen", aliceId)).put("/pets/" + MISSING), bobPet);
        assertSameAnswer(as(alice).contentType(MERGE_PATCH).body("{\"name\":\"Stolen\"}").patch("/pets/" + bobPet),
                as(alice).contentType(MERGE_PATCH).body("{\"name\":\"Stolen\"}").patch("/pets/" + MISSING), bobPet);
        assertSameAnswer(as(alice).delete("/pets/" + bobPet), as(alice).delete("/pets/" + MISSING), bobPet);
        assertEquals(before, AuthenticationTest.rows());
    }

    @Test
    void anotherUsersProfileIsExactlyLikeAMissingOne() {
        Map<String, Object> before = AuthenticationTest.rows();
        assertSameAnswer(as(alice).get("/users/" + bobId), as(alice).get("/users/" + MISSING), bobId);
        assertSameAnswer(as(alice).get("/users/" + bobId + "/pets"), as(alice).get("/users/" + MISSING + "/pets"), bobId);
        String body = "{\"name\":\"Stolen\",\"email\":\"" + Api.uniqueEmail("stolen") + "\"}";
        assertSameAnswer(as(alice).contentType(ContentType.JSON).body(body).put("/users/" + bobId),
                as(alice).contentType(ContentType.JSON).body(body).put("/users/" + MISSING), bobId);
        assertSameAnswer(as(alice).contentType(MERGE_PATCH).body("{\"name\":\"Stolen\"}").patch("/users/" + bobId),
                as(alice).contentType(MERGE_PATCH).body("{\"name\":\"Stolen\"}").patch("/users/" + MISSING), bobId);
        assertSameAnswer(as(alice).delete("/users/" + bobId + "?cascade=true"),
                as(alice).delete("/users/" + MISSING + "?cascade=true"), bobId);
        assertEquals(before, AuthenticationTest.rows());
    }

    @Test
    void listingsAndFiltersShowOnlyTheCallersOwn() {
        as(alice).get("/pets").then().statusCode(200).body("items.id", contains((int) alicePet))
                .body("totalItems", equalTo(1));
        as(alice).get("/pets?ownerId=" + bobId).then().statusCode(200).body("items", empty())
                .body("totalItems", equalTo(0));
        as(alice).get("/pets?species=DOG").then().statusCode(200).body("items", empty());
        as(alice).get("/pets?name=Bob").then().statusCode(200).body("items", empty());
        as(alice).get("/pets?sort=-ownerId").then().statusCode(200).body("items.id", contains((int) alicePet));
        as(alice).get("/users").then().statusCode(200).body("items.id", contains((int) aliceId));
        as(alice).get("/users/" + aliceId + "/pets").then().statusCode(200).body("items.id", contains((int) alicePet));
    }

    @Test
    void creatingOrMovingAPetToAnotherOwnerIsRefused() {
        Map<String, Object> before = AuthenticationTest.rows();
        as(alice).contentType(ContentType.JSON).body(pet("Gift", bobId)).post("/pets").then().spec(problem(403, "/pets"));
        as(alice).contentType(ContentType.JSON).body(pet("Gift", MISSING)).post("/pets").then().spec(problem(403, "/pets"));
        as(alice).contentType(ContentType.JSON).body(pet("Moved", bobId)).put("/pets/" + alicePet).then()
                .spec(problem(403));
        as(alice).contentType(MERGE_PATCH).body("{\"ownerId\":" + bobId + "}").patch("/pets/" + alicePet).then()
                .spec(problem(403));
        assertEquals(before, AuthenticationTest.rows());
        // Her own pets are hers to change.
        as(alice).contentType(MERGE_PATCH).body("{\"name\":\"Renamed\"}").patch("/pets/" + alicePet).then()
                .statusCode(200).body("name", equalTo("Renamed"));
    }

    @Test
    void anAdminReachesEveryoneAndRowsWithoutASubject() {
        String admin = TestIssuer.adminToken();
        long legacy = Api.createUserAs(admin, "Legacy", Api.uniqueEmail("legacy"));
        as(alice).get("/users/" + legacy).then().spec(problem(404));
        as(admin).get("/users/" + legacy).then().statusCode(200);
        as(admin).get("/pets/" + bobPet).then().statusCode(200);
        as(admin).get("/pets?size=100").then().statusCode(200).body("items.id", hasItems((int) alicePet, (int) bobPet));
        as(admin).contentType(ContentType.JSON).body(pet("For Bob", bobId)).post("/pets").then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String pet(String name, long ownerId) {
        return "{\"name\":\"" + name + "\",\"species\":\"CAT\",\"ownerId\":" + ownerId + "}";
    }

    /** Status, header names and body equal, once the probed id and the missing one are written alike. */
    private static void assertSameAnswer(Response probed, Response missing, long probedId) {
        assertEquals(missing.statusCode(), probed.statusCode());
        assertEquals(404, probed.statusCode());
        assertEquals(headerNames(missing), headerNames(probed));
        assertEquals(missing.asString().replaceAll("\\b" + MISSING + "\\b", "<id>"),
                probed.asString().replaceAll("\\b" + probedId + "\\b", "<id>"));
    }

    private static TreeSet<String> headerNames(Response response) {
        TreeSet<String> names = new TreeSet<>();
        response.headers().forEach(h -> names.add(h.getName().toLowerCase(java.util.Locale.ROOT)));
        return names;
    }
}
