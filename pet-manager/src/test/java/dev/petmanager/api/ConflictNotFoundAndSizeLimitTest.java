package dev.petmanager.api;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.api.WriteFingerprint.fingerprint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every client mistake is an RFC 9457 problem+json 4xx that says what was wrong, and a rejected request writes
 * nothing: each test compares a fingerprint of both tables (row counts, version sums, id sequences) before and after.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConflictNotFoundAndSizeLimitTest {

    private static final int LIMIT = 64 * 1024;

    // ---- not found ----------------------------------------------------------------------------------------------

    @Test
    void unknownIdsAre404ForEveryMethod() {
        long user = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        long pet = Db.count("SELECT coalesce(max(id), 0) + 100000 FROM pets");
        long owner = Api.createUser("Real", Api.uniqueEmail("real"));
        Map<String, Object> before = fingerprint();
        String userBody = "{\"name\":\"N\",\"email\":\"" + Api.uniqueEmail("n") + "\"}";
        String petBody = "{\"name\":\"N\",\"species\":\"DOG\",\"ownerId\":" + owner + "}";

        given().when().get("/users/" + user).then().spec(problem(404, "/users/" + user));
        given().when().get("/users/" + user + "/pets").then().spec(problem(404, "/users/" + user + "/pets"));
        given().contentType(ContentType.JSON).body(userBody).when().put("/users/" + user).then().spec(problem(404));
        given().contentType(MERGE_PATCH).body("{}").when().patch("/users/" + user).then().spec(problem(404));
        given().when().delete("/users/" + user).then().spec(problem(404));
        given().when().get("/pets/" + pet).then().spec(problem(404, "/pets/" + pet));
        given().contentType(ContentType.JSON).body(petBody).when().put("/pets/" + pet).then().spec(problem(404));
        given().contentType(MERGE_PATCH).body("{}").when().patch("/pets/" + pet).then().spec(problem(404));
        given().when().delete("/pets/" + pet).then().spec(problem(404));
        assertEquals(before, fingerprint());
    }

    @Test
    void unknownPathIs404Problem() {
        Map<String, Object> before = fingerprint();
        given().when().get("/no-such-thing").then().spec(problem(404, "/no-such-thing"));
        given().when().get("/users/1/cats").then().spec(problem(404, "/users/1/cats"));
        given().contentType(ContentType.JSON).body("{}").when().post("/owners").then().spec(problem(404, "/owners"));
        assertEquals(before, fingerprint());
    }

    @Test
    void problemBodiesUseTheProblemMediaTypeEvenWhenJsonIsAccepted() {
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        given().accept(ContentType.JSON).when().get("/users/" + missing)
                .then().spec(problem(404))
                .header("Content-Type", startsWith("application/problem+json"));
    }

    // ---- conflicts ----------------------------------------------------------------------------------------------

    @Test
    void uniqueEmailConflictIs409() {
        String email = Api.uniqueEmail("unique");
        Api.createUser("First", email);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Second\",\"email\":\"" + email.toUpperCase() + "\"}")
                .when().post("/users")
                .then().spec(problem(409, "/users"))
                .body("title", equalTo("Conflict"))
                .body("detail", containsString("already used"));
        assertEquals(before, fingerprint());
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void foreignKeyConflictsAre409() {
        long owner = Api.createUser("FK", Api.uniqueEmail("fk"));
        long pet = Api.createPet("FK pet", "DOG", owner);
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Orphan\",\"species\":\"DOG\",\"ownerId\":" + missing + "}")
                .when().post("/pets")
                .then().spec(problem(409, "/pets"))
                .body("detail", containsString("does not reference an existing user"));
        given().contentType(MERGE_PATCH).body("{\"ownerId\":" + missing + "}")
                .when().patch("/pets/" + pet)
                .then().spec(problem(409, "/pets/" + pet));
        given().when().delete("/users/" + owner)
                .then().spec(problem(409, "/users/" + owner))
                .body("detail", containsString("cascade=true"));
        assertEquals(before, fingerprint());
        assertEquals(owner, ((Number) Db.row("SELECT owner_id FROM pets WHERE id = ?", pet).get("owner_id")).longValue());
    }

    @Test
    void versionConflictIs409() {
        String email = Api.uniqueEmail("version");
        long id = Api.createUser("Versioned", email);
        given().contentType(MERGE_PATCH).body("{\"name\":\"v1\"}").when().patch("/users/" + id).then().statusCode(200);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Stale\",\"email\":\"" + email + "\",\"version\":0}")
                .when().put("/users/" + id)
                .then().spec(problem(409, "/users/" + id))
                .body("detail", containsString("expected version 0"));
        given().contentType(MERGE_PATCH).header("If-Match", "W/\"0\"").body("{\"name\":\"Stale\"}")
                .when().patch("/users/" + id)
                .then().spec(problem(409, "/users/" + id));
        assertEquals(before, fingerprint());
        assertEquals(Map.of("name", "v1", "version", 1), Db.row("SELECT name, version FROM users WHERE id = ?", id));
    }

    @Test
    void ifMatchThatIsNotAVersionIs400() {
        String email = Api.uniqueEmail("ifmatch");
        long id = Api.createUser("Tagged", email);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).header("If-Match", "\"abc\"")
                .body("{\"name\":\"Other\",\"email\":\"" + email + "\"}")
                .when().put("/users/" + id)
                .then().spec(problem(400, "/users/" + id))
                .body("detail", containsString("If-Match"));
        assertEquals(before, fingerprint());
    }

    // ---- size limit ---------------------------------------------------------------------------------------------

    @Test
    void bodyOver64KiBWithContentLengthIs413() {
        String email = Api.uniqueEmail("huge");
        String body = userBodyOfSize(email, LIMIT + 1);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body(body)
                .when().post("/users")
                .then().spec(problem(413, "/users"))
                .body("detail", containsString(String.valueOf(LIMIT)));
        assertEquals(before, fingerprint());
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void bodyOf64KiBExactlyIsAccepted() {
        String email = Api.uniqueEmail("fits");
        given().contentType(ContentType.JSON).body(userBodyOfSize(email, LIMIT))
                .when().post("/users")
                .then().statusCode(201);
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void chunkedBodyOver64KiBIs413() throws Exception {
        String email = Api.uniqueEmail("chunked");
        byte[] body = userBodyOfSize(email, LIMIT + 100).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> before = fingerprint();
        HttpResponse<String> response = sendChunked("POST", "/users", body);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonPath problem = new JsonPath(response.body());
        assertEquals(413, problem.getInt("status"));
        assertEquals("about:blank", problem.getString("type"));
        assertEquals("/users", problem.getString("instance"));
        assertTrue(problem.getString("title").length() > 0 && problem.getString("detail").contains(String.valueOf(LIMIT)),
                response.body());
        assertEquals(before, fingerprint());
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void chunkedBodyUnderTheLimitIsAccepted() throws Exception {
        String email = Api.uniqueEmail("small-chunks");
        HttpResponse<String> response = sendChunked("POST", "/users",
                ("{\"name\":\"Chunky\",\"email\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void chunkedMergePatchOver64KiBIs413AndChangesNothing() throws Exception {
        String email = Api.uniqueEmail("chunked-patch");
        long id = Api.createUser("Chunk target", email);
        Map<String, Object> before = fingerprint();
        byte[] patch = ("{\"name\":\"Big\"" + " ".repeat(LIMIT) + "}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = sendChunked("PATCH", "/users/" + id, patch);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(before, fingerprint());
        assertEquals(Map.of("name", "Chunk target", "version", 0), Db.row("SELECT name, version FROM users WHERE id = ?", id));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A valid user body of exactly {@code size} bytes, padded with insignificant whitespace. */
    private static String userBodyOfSize(String email, int size) {
        String head = "{\"name\":\"Big\",\"email\":\"" + email + "\"";
        String body = head + " ".repeat(size - head.length() - 1) + "}";
        assertEquals(size, body.getBytes(StandardCharsets.UTF_8).length);
        return body;
    }

    /** Sends a body without Content-Length: an input stream of unknown length goes out chunked. */
    private static HttpResponse<String> sendChunked(String method, String path, byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String type = method.equals("PATCH") ? MERGE_PATCH : "application/json";
        HttpRequest request = HttpRequest.newBuilder(Problems.uri(path))
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + dev.petmanager.support.TestIssuer.adminToken())
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
