package dev.petmanager.api;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.api.WriteFingerprint.fingerprint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every client mistake is an RFC 9457 problem+json 4xx that says what was wrong, and a rejected request writes
 * nothing: each test compares a fingerprint of both tables (row counts, version sums, id sequences) before and after.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MalformedRequestTest {

    // ---- malformed and mistyped bodies --------------------------------------------------------------------------

    @Test
    void malformedJsonIs400NamingLineAndColumn() {
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\n  \"name\": \"Broken\",\n  \"email\": \n}")
                .when().post("/users")
                .then().spec(problem(400, "/users"))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 4, column 1"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Broken\"")
                .when().post("/users")
                .then().spec(problem(400, "/users"))
                .body("detail", containsString("line 1"));
        given().contentType(ContentType.JSON).body("{'name':'single quotes'}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("detail", allOf(containsString("line 1"), containsString("column 2")));
        assertEquals(before, fingerprint());
    }

    @Test
    void malformedMergePatchIs400AndChangesNothing() {
        long id = Api.createUser("Patch target", Api.uniqueEmail("malformed-patch"));
        Map<String, Object> before = fingerprint();
        given().contentType(MERGE_PATCH).body("{\"name\": ")
                .when().patch("/users/" + id)
                .then().spec(problem(400, "/users/" + id))
                .body("title", equalTo("Malformed JSON"));
        assertEquals(before, fingerprint());
    }

    @Test
    void wrongTypesAre400WithTheField() {
        long owner = Api.createUser("Typed", Api.uniqueEmail("types"));
        long pet = Api.createPet("Typed pet", "DOG", owner);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Rex\",\"species\":\"DOG\",\"ownerId\":\"x\"}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("ownerId"))
                .body("detail", containsString("ownerId"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Rex\",\"species\":\"DOG\",\"birthDate\":\"yesterday\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("birthDate"));
        given().contentType(ContentType.JSON).body("{\"name\":{\"first\":\"Rex\"},\"species\":\"DOG\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Ann\",\"email\":[\"a@example.com\"]}")
                .when().post("/users")
                .then().spec(problem(400, "/users"))
                .body("errors[0].field", equalTo("email"));
        given().contentType(MERGE_PATCH).body("{\"ownerId\":\"x\"}")
                .when().patch("/pets/" + pet)
                .then().spec(problem(400, "/pets/" + pet))
                .body("errors[0].field", equalTo("ownerId"));
        assertEquals(before, fingerprint());
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        Map<String, Object> before = fingerprint();
        for (String body : List.of("[]", "\"text\"", "42", "[{\"name\":\"A\",\"email\":\"a@example.com\"}]")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/users")
                    .then().spec(problem(400, "/users"));
        }
        assertEquals(before, fingerprint());
    }

    @Test
    void unknownEnumValueIs400NamingTheAllowedValues() {
        long owner = Api.createUser("Enum", Api.uniqueEmail("enum"));
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Leo\",\"species\":\"LION\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("species"))
                .body("errors[0].message", containsString("[DOG, CAT, BIRD, RABBIT, OTHER]"));
        given().when().get("/pets?species=LION").then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("species"));
        assertEquals(before, fingerprint());
    }

    @Test
    void unknownFieldIs400NamingIt() {
        String email = Api.uniqueEmail("unknown-field");
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Ann\",\"email\":\"" + email + "\",\"nickname\":\"A\"}")
                .when().post("/users")
                .then().spec(problem(400, "/users"))
                .body("detail", containsString("nickname"))
                .body("errors[0].field", equalTo("nickname"));
        long owner = Api.createUser("Owner", email);
        before = fingerprint();
        given().contentType(ContentType.JSON).body("{\"name\":\"Rex\",\"species\":\"DOG\",\"ownerId\":" + owner + ",\"owner\":{\"id\":1}}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("owner"));
        assertEquals(before, fingerprint());
    }

    // ---- validation ---------------------------------------------------------------------------------------------

    @Test
    void validationFailuresListEveryFieldAtOnce() {
        long owner = Api.createUser("Valid owner", Api.uniqueEmail("validation"));
        Map<String, Object> before = fingerprint();
        JsonPath user = given().contentType(ContentType.JSON).body("{\"name\":\"\",\"email\":\"not-an-email\"}")
                .when().post("/users")
                .then().spec(problem(400, "/users"))
                .body("title", equalTo("Validation failed"))
                .body("errors.field", equalTo(List.of("email", "name")))
                .extract().jsonPath();
        String detail = user.getString("detail");
        assertTrue(detail.contains("email: ") && detail.contains("name: "), detail);

        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(101) + "\",\"species\":\"DOG\",\"birthDate\":\""
                        + LocalDate.now().plusYears(1) + "\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors.field", equalTo(List.of("birthDate", "name")))
                .body("errors.message.every { it != null && it != '' }", equalTo(true));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/users")
                .then().spec(problem(400, "/users"))
                .body("errors.field", equalTo(List.of("email", "name")));
        assertEquals(before, fingerprint());
    }

    @Test
    void missingBodyIs400() {
        long id = Api.createUser("Bodyless", Api.uniqueEmail("bodyless"));
        long pet = Api.createPet("Bodyless pet", "CAT", id);
        Map<String, Object> before = fingerprint();
        given().contentType(ContentType.JSON).when().post("/users")
                .then().spec(problem(400, "/users")).body("detail", containsString("request body is required"));
        given().contentType(ContentType.JSON).when().post("/pets")
                .then().spec(problem(400, "/pets")).body("detail", containsString("request body is required"));
        given().contentType(ContentType.JSON).when().put("/users/" + id)
                .then().spec(problem(400, "/users/" + id)).body("detail", containsString("request body is required"));
        given().contentType(ContentType.JSON).when().put("/pets/" + pet)
                .then().spec(problem(400, "/pets/" + pet));
        given().contentType(MERGE_PATCH).when().patch("/users/" + id)
                .then().spec(problem(400, "/users/" + id));
        given().contentType(MERGE_PATCH).when().patch("/pets/" + pet)
                .then().spec(problem(400, "/pets/" + pet));
        assertEquals(before, fingerprint());
    }

    // ---- protocol mistakes ----------------------------------------------------------------------------------------

    @Test
    void wrongContentTypeIs415() {
        String email = Api.uniqueEmail("ctype");
        long id = Api.createUser("Typed", email);
        Map<String, Object> before = fingerprint();
        String body = "{\"name\":\"Ann\",\"email\":\"" + Api.uniqueEmail("ann") + "\"}";
        given().contentType(ContentType.TEXT).body(body).when().post("/users").then().spec(problem(415, "/users"));
        given().contentType(ContentType.XML).body("<user/>").when().post("/pets").then().spec(problem(415, "/pets"));
        given().contentType(ContentType.URLENC).body("name=Ann").when().put("/users/" + id).then().spec(problem(415));
        given().contentType("application/json-patch+json").body("[{\"op\":\"remove\",\"path\":\"/name\"}]")
                .when().patch("/users/" + id).then().spec(problem(415, "/users/" + id));
        assertEquals(before, fingerprint());
    }

    @Test
    void wrongMethodIs405() {
        long id = Api.createUser("Method", Api.uniqueEmail("method"));
        Map<String, Object> before = fingerprint();
        given().when().delete("/users").then().spec(problem(405, "/users"))
                .header("Allow", allOf(containsString("GET"), containsString("POST"), not(containsString("DELETE"))));
        given().contentType(ContentType.JSON).body("{}").when().put("/pets").then().spec(problem(405, "/pets"));
        given().contentType(MERGE_PATCH).body("{}").when().patch("/users").then().spec(problem(405, "/users"));
        given().contentType(ContentType.JSON).body("{}").when().post("/users/" + id).then().spec(problem(405, "/users/" + id))
                .header("Allow", allOf(containsString("GET"), containsString("PUT"), containsString("PATCH"),
                        containsString("DELETE"), not(containsString("POST"))));
        given().when().delete("/users/" + id + "/pets").then().spec(problem(405));
        assertEquals(before, fingerprint());
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", id));
    }

    @Test
    void badQueryParameterTypesAre400() {
        Map<String, Object> before = fingerprint();
        for (String query : List.of("/users?size=abc", "/users?page=x", "/users?size=1.5", "/pets?size=abc",
                "/pets?ownerId=abc", "/pets?page=99999999999")) {
            given().when().get(query).then().spec(problem(400, query.substring(0, query.indexOf('?'))));
        }
        assertEquals(before, fingerprint());
    }

    /** A sweep of client mistakes: none may be a 5xx or anything other than problem+json, and none may write. */
    @Test
    void noClientMistakeIsAServerErrorOrWritesAnything() {
        long owner = Api.createUser("Sweep", Api.uniqueEmail("sweep"));
        long pet = Api.createPet("Sweep pet", "DOG", owner);
        Map<String, Object> before = fingerprint();
        List<Supplier<Response>> mistakes = List.of(
                () -> given().contentType(ContentType.JSON).body("{").post("/users"),
                () -> given().contentType(ContentType.JSON).body("null").post("/users"),
                () -> given().contentType(ContentType.JSON).body("null").post("/pets"),
                () -> given().contentType(ContentType.JSON).body("{\"name\":null,\"email\":null}").post("/users"),
                () -> given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"species\":7,\"ownerId\":" + owner + "}").post("/pets"),
                () -> given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"species\":\"DOG\",\"ownerId\":-1}").post("/pets"),
                () -> given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"species\":\"DOG\",\"ownerId\":99999999999999999999}").post("/pets"),
                () -> given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"species\":\"DOG\",\"ownerId\":" + owner + ",\"version\":\"v\"}").put("/pets/" + pet),
                () -> given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"species\":\"DOG\",\"ownerId\":" + owner + ",\"version\":-5}").put("/pets/" + pet),
                () -> given().contentType(MERGE_PATCH).body("{\"species\":{}}").patch("/pets/" + pet),
                () -> given().contentType(MERGE_PATCH).body("{\"birthDate\":\"31.12.2020\"}").patch("/pets/" + pet),
                () -> given().contentType(MERGE_PATCH).body("{\"id\":1,\"createdAt\":\"garbage\",\"version\":null,\"name\":null}").patch("/pets/" + pet),
                () -> given().contentType(ContentType.JSON).body("\u0000\u0001").post("/users"),
                () -> given().contentType("application/json; charset=UTF-8").body(new byte[] { (byte) 0xff, (byte) 0xfe, '{' }).post("/users"),
                () -> given().accept(ContentType.XML).get("/users/" + owner),
                () -> given().get("/users?sort=,,"),
                () -> given().get("/pets?sort=name,,"),
                () -> given().get("/pets?sort=-"),
                () -> given().get("/users?page=2147483647&size=100"),
                () -> given().get("/pets?page=30000000&size=100"),
                () -> given().get("/users/" + owner + "/pets?page=2147483647&size=100"),
                () -> given().get("/users/" + owner + "/pets?size=abc"),
                () -> given().get("/pets?ownerId=" + owner + "&species=%00"),
                () -> given().get("/users/-1"),
                () -> given().get("/users/0/pets"),
                () -> given().header("If-Match", "\"999999999999999999999\"").contentType(MERGE_PATCH).body("{}").patch("/pets/" + pet),
                () -> given().delete("/pets/abc"),
                () -> given().delete("/users/abc?cascade=true"));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < mistakes.size(); i++) {
            Response response = mistakes.get(i).get();
            int status = response.statusCode();
            String type = String.valueOf(response.contentType());
            if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")
                    || response.jsonPath().getInt("status") != status) {
                failures.add("mistake #" + i + ": " + status + " " + type + " " + response.asString());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, fingerprint());
    }
}
