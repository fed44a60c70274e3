package dev.petmanager.api;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.Management;
import dev.petmanager.support.RawHttp;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What a careful API decides about input that is almost right: a species with something around its name is refused
 * (not quietly stored as another value), an address that displays as another one is refused, a 64-character local
 * part (RFC 5321's limit) is accepted, a body is JSON only when it says so and only in UTF-8, and health checks are
 * read-only.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InputResidualsTest {

    @Test
    void aSpeciesWithAnythingAroundItsNameIsRefused() {
        long owner = Api.createUser("Species", Api.uniqueEmail("species"));
        long pet = Api.createPet("Rex", "DOG", owner);
        Map<String, Object> before = WriteFingerprint.fingerprint();
        for (String species : List.of("DOG ", " DOG", "DOG\\u0000", "DOG\\t", "\\u0000DOG")) {
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"Rex\",\"species\":\"" + species + "\",\"ownerId\":" + owner + "}")
                    .post("/pets").then().spec(problem(400, "/pets")).body("errors[0].field", equalTo("species"));
            given().contentType(MERGE_PATCH).body("{\"species\":\"" + species + "\"}").patch("/pets/" + pet)
                    .then().spec(problem(400)).body("errors[0].field", equalTo("species"));
        }
        assertEquals(before, WriteFingerprint.fingerprint());
        // any case is still the name
        given().contentType(ContentType.JSON).body("{\"name\":\"Tom\",\"species\":\"cat\",\"ownerId\":" + owner + "}")
                .post("/pets").then().statusCode(201).body("species", equalTo("CAT"));
    }

    @Test
    void anAddressWithABidiOverrideIsRefused() {
        Map<String, Object> before = WriteFingerprint.fingerprint();
        for (String email : List.of("evil\\u202Egro.elpmaxe@example.com", "a\\u200Bb@example.com",
                "a@exam\\u202Eple.com")) {
            given().contentType(ContentType.JSON).body("{\"name\":\"Bidi\",\"email\":\"" + email + "\"}").post("/users")
                    .then().spec(problem(400, "/users")).body("errors[0].field", equalTo("email"))
                    .body("detail", containsString("U+202E"));
        }
        assertEquals(before, WriteFingerprint.fingerprint());
    }

    @Test
    void aLocalPartOf64CharactersIsAcceptedAnd65Refused() {
        String local64 = "a".repeat(60) + Long.toHexString(System.nanoTime() & 0xffff | 0x1000);
        given().contentType(ContentType.JSON).body("{\"name\":\"Long\",\"email\":\"" + local64 + "@example.com\"}")
                .post("/users").then().statusCode(201).body("email", equalTo(local64 + "@example.com"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Long\",\"email\":\"" + local64 + "b@example.com\"}")
                .post("/users").then().spec(problem(400)).body("errors[0].field", equalTo("email"));
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        long owner = Api.createUser("NoType", Api.uniqueEmail("notype"));
        Map<String, Object> before = WriteFingerprint.fingerprint();
        String body = "{\"name\":\"Untyped\",\"email\":\"" + Api.uniqueEmail("untyped") + "\"}";
        for (String target : List.of("POST /users", "PUT /users/" + owner, "PATCH /users/" + owner)) {
            RawHttp.Reply reply = RawHttp.exchange(target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);
            assertEquals(415, reply.status(), target + ": " + reply.body());
            assertEquals(415, reply.json().getInt("status"));
        }
        assertEquals(before, WriteFingerprint.fingerprint());
    }

    @Test
    void aJsonBodyInAnotherCharsetIs415() {
        Map<String, Object> before = WriteFingerprint.fingerprint();
        String body = "{\"name\":\"Wide\",\"email\":\"" + Api.uniqueEmail("wide") + "\"}";
        given().contentType("application/json; charset=utf-16").body(body.getBytes(StandardCharsets.UTF_16))
                .post("/users").then().spec(problem(415, "/users")).body("detail", containsString("UTF-8"));
        given().contentType("application/json; charset=UTF-32BE").body(body.getBytes(java.nio.charset.Charset.forName("UTF-32BE")))
                .post("/users").then().spec(problem(415, "/users"));
        assertEquals(before, WriteFingerprint.fingerprint());
        given().contentType("application/json; charset=\"UTF-8\"").body(body).post("/users").then().statusCode(201);
    }

    @Test
    void healthChecksAndMetricsAreReadOnly() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                Management.given().request(method, path).then().statusCode(405)
                        .header("Allow", equalTo("GET, HEAD, OPTIONS")).contentType("application/problem+json");
            }
            Management.given().get(path).then().statusCode(200);
            Management.given().head(path).then().statusCode(200);
        }
    }
}
