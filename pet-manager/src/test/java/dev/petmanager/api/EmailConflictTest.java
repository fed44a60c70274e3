package dev.petmanager.api;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.api.WriteFingerprint.fingerprint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.TestIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A taken e-mail address is the database's to refuse (a conditional insert for a new user, the unique constraint for a
 * changed address), and every way of writing one answers as reading first did: a 409 naming the user who holds it,
 * with nothing written and no id used up (PostgreSQL's identity sequence does not roll back).
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EmailConflictTest {

    @Test
    void aNewUserWithATakenAddressIs409NamingTheHolderAndUsesNoId() {
        String email = Api.uniqueEmail("holder");
        long holder = Api.createUser("Holder", email);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Second\",\"email\":\"" + email.toUpperCase() + "\"}")
                .when().post("/users")
                .then().spec(problem(409, "/users"))
                .body("detail", equalTo(takenBy(email, holder)));
        assertEquals(before, fingerprint());
    }

    @Test
    void changingToATakenAddressIs409NamingTheHolderForPutAndPatch() {
        String taken = Api.uniqueEmail("taken");
        long holder = Api.createUser("Holder", taken);
        String own = Api.uniqueEmail("own");
        long other = Api.createUser("Other", own);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Other\",\"email\":\"" + taken + "\"}")
                .when().put("/users/" + other)
                .then().spec(problem(409, "/users/" + other))
                .body("detail", equalTo(takenBy(taken, holder)));
        given().contentType(MERGE_PATCH).body("{\"email\":\"" + taken.toUpperCase() + "\"}")
                .when().patch("/users/" + other)
                .then().spec(problem(409, "/users/" + other))
                .body("detail", equalTo(takenBy(taken, holder)));
        assertEquals(before, fingerprint());
        assertEquals(Map.of("email", own), Db.row("SELECT email FROM users WHERE id = ?", other));
    }

    @Test
    void keepingOnesOwnAddressIsNoConflict() {
        String email = Api.uniqueEmail("keeps");
        long id = Api.createUser("Keeps", email);
        given().contentType(ContentType.JSON).body("{\"name\":\"Renamed\",\"email\":\"" + email.toUpperCase() + "\"}")
                .when().put("/users/" + id)
                .then().statusCode(200).body("email", equalTo(email)).body("version", equalTo(1));
    }

    @Test
    void aProfileWithATakenAddressIs409NamingTheHolderWhetherNewOrChanged() {
        String taken = Api.uniqueEmail("profile-taken");
        long holder = Api.createUser("Holder", taken);
        String newcomer = TestIssuer.token("email-newcomer-" + System.nanoTime(), List.of("user"));
        Map<String, Object> before = fingerprint();
        given().auth().oauth2(newcomer).contentType(ContentType.JSON)
                .body("{\"name\":\"Newcomer\",\"email\":\"" + taken + "\"}").put("/me")
                .then().spec(problem(409, "/me"))
                .body("detail", equalTo(takenBy(taken, holder)));
        assertEquals(before, fingerprint());

        String member = TestIssuer.token("email-member-" + System.nanoTime(), List.of("user"));
        long id = Api.signUp(member, "Member");
        Map<String, Object> signedUp = fingerprint();
        given().auth().oauth2(member).contentType(ContentType.JSON)
                .body("{\"name\":\"Member\",\"email\":\"" + taken + "\"}").put("/me")
                .then().spec(problem(409, "/me"))
                .body("detail", equalTo(takenBy(taken, holder)));
        assertEquals(signedUp, fingerprint());
        given().auth().oauth2(member).get("/me").then().statusCode(200).body("id", equalTo((int) id));
    }

    private static String takenBy(String email, long holder) {
        return "the e-mail address " + email + " is already used by user " + holder;
    }
}
