package dev.petmanager.api;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.api.WriteFingerprint.fingerprint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Bodies bind strictly: one JSON value, and every field as its own JSON type. Each refusal is a 400 problem naming
 * the field where there is one, and writes nothing (the fingerprint of both tables is unchanged). Encoding mistakes
 * and what is accepted are in {@link StrictTextTest}.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StrictInputTest {

    /** One request of each write kind, each with a body the test fills in. */
    private record Write(String method, String path, String contentType) {
        RequestSpecification with(Object body) {
            return given().contentType(contentType).body(body);
        }

        io.restassured.response.Response send(Object body) {
            return with(body).request(method, path);
        }
    }

    private static List<Write> userWrites(long user) {
        return List.of(new Write("POST", "/users", "application/json"), new Write("PUT", "/users/" + user, "application/json"),
                new Write("PATCH", "/users/" + user, MERGE_PATCH));
    }

    private static List<Write> petWrites(long pet) {
        return List.of(new Write("POST", "/pets", "application/json"), new Write("PUT", "/pets/" + pet, "application/json"),
                new Write("PATCH", "/pets/" + pet, MERGE_PATCH));
    }

    @Test
    void contentAfterTheJsonValueIs400OnEveryWrite() {
        long user = Api.createUser("Trailing", Api.uniqueEmail("trailing"));
        long pet = Api.createPet("Trailing pet", "DOG", user);
        Map<String, Object> before = fingerprint();
        for (String tail : List.of("x", "}", ",", "]", " {\"name\":\"Second\"}", " null", " 1")) {
            for (Write write : userWrites(user)) {
                String body = "{\"name\":\"Tail\",\"email\":\"" + Api.uniqueEmail("tail") + "\"}" + tail;
                write.send(body).then().spec(problem(400, write.path()));
            }
            for (Write write : petWrites(pet)) {
                String body = "{\"name\":\"Tail\",\"species\":\"CAT\",\"ownerId\":" + user + "}" + tail;
                write.send(body).then().spec(problem(400, write.path()));
            }
        }
        assertEquals(before, fingerprint());
    }

    @Test
    void aRepeatedKeyIs400() {
        long user = Api.createUser("Repeated", Api.uniqueEmail("repeated"));
        Map<String, Object> before = fingerprint();
        for (Write write : userWrites(user)) {
            write.send("{\"name\":\"First\",\"name\":\"Second\",\"email\":\"" + Api.uniqueEmail("dup") + "\"}")
                    .then().spec(problem(400, write.path())).body("detail", containsString("Duplicate field 'name'"));
        }
        assertEquals(before, fingerprint());
    }

    @Test
    void aNumberOrBooleanIsNeverReadAsAString() {
        long user = Api.createUser("Typed", Api.uniqueEmail("typed"));
        long pet = Api.createPet("Typed pet", "DOG", user);
        Map<String, Object> before = fingerprint();
        for (String value : List.of("123", "true", "1.5", "-0")) {
            for (Write write : userWrites(user)) {
                write.send("{\"name\":" + value + ",\"email\":\"" + Api.uniqueEmail("n") + "\"}")
                        .then().spec(problem(400, write.path()))
                        .body("errors[0].field", equalTo("name"))
                        .body("errors[0].message", containsString("expected a string"));
            }
            for (Write write : petWrites(pet)) {
                write.send("{\"name\":" + value + ",\"species\":\"DOG\",\"ownerId\":" + user + "}")
                        .then().spec(problem(400, write.path())).body("errors[0].field", equalTo("name"));
            }
        }
        given().contentType(ContentType.JSON).body("{\"name\":\"Ann\",\"email\":42}").post("/users")
                .then().spec(problem(400, "/users")).body("errors[0].field", equalTo("email"));
        assertEquals(before, fingerprint());
    }

    @Test
    void anIntegerNeverSelectsASpeciesButNamesStayCaseInsensitive() {
        long user = Api.createUser("Enum", Api.uniqueEmail("enum"));
        long pet = Api.createPet("Enum pet", "DOG", user);
        Map<String, Object> before = fingerprint();
        for (String value : List.of("0", "4", "1.0", "true", "\"0\"", "\"\"", "[\"DOG\"]")) {
            for (Write write : petWrites(pet)) {
                write.send("{\"name\":\"Rex\",\"species\":" + value + ",\"ownerId\":" + user + "}")
                        .then().spec(problem(400, write.path()))
                        .body("errors[0].field", equalTo("species"))
                        .body("errors[0].message", containsString("[DOG, CAT, BIRD, RABBIT, OTHER]"));
            }
        }
        assertEquals(before, fingerprint());
        given().contentType(MERGE_PATCH).body("{\"species\":\"rabbit\"}").patch("/pets/" + pet)
                .then().statusCode(200).body("species", equalTo("RABBIT"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Tom\",\"species\":\"Cat\",\"ownerId\":" + user + "}")
                .post("/pets").then().statusCode(201).body("species", equalTo("CAT"));
    }

    @Test
    void aDateIsAnIsoStringAndNothingElse() {
        long user = Api.createUser("Dated", Api.uniqueEmail("dated"));
        long pet = Api.createPet("Dated pet", "DOG", user);
        Map<String, Object> before = fingerprint();
        for (String value : List.of("123", "18262", "[2020,1,1]", "[]", "\"\"", "{\"year\":2020}", "true",
                "\"2020-01-01T00:00:00\"", "\"2020-01-01Z\"", "\"2020-1-1\"", "\"2020-02-30\"", "\"20200101\"")) {
            for (Write write : petWrites(pet)) {
                write.send("{\"name\":\"Rex\",\"species\":\"DOG\",\"birthDate\":" + value + ",\"ownerId\":" + user + "}")
                        .then().spec(problem(400, write.path()))
                        .body("errors[0].field", equalTo("birthDate"))
                        .body("errors[0].message", containsString("date (YYYY-MM-DD)"));
            }
        }
        assertEquals(before, fingerprint());
    }

    @Test
    void integersMustBeIntegralAndInRange() {
        long user = Api.createUser("Counted", Api.uniqueEmail("counted"));
        long pet = Api.createPet("Counted pet", "DOG", user);
        Map<String, Object> before = fingerprint();
        Map<String, List<String>> badValues = Map.of(
                "ownerId", List.of(user + ".0", user + ".7", "\"" + user + "\"", "1e0", "99999999999999999999", "true"),
                "weightGrams", List.of("1.0", "1e3", "4294967297", "2147483648", "-2147483649", "\"12\"", "\"\""),
                "version", List.of("0.0", "1.5", "\"0\"", "9223372036854775808"));
        badValues.forEach((field, values) -> {
            for (String value : values) {
                String fields = "\"name\":\"Rex\",\"species\":\"DOG\",\"ownerId\":" + user;
                String body = field.equals("ownerId") ? "{\"name\":\"Rex\",\"species\":\"DOG\",\"ownerId\":" + value + "}"
                        : "{" + fields + ",\"" + field + "\":" + value + "}";
                for (Write write : petWrites(pet)) {
                    write.send(body).then().spec(problem(400, write.path()))
                            .body("errors[0].field", equalTo(field))
                            .body("errors[0].message", containsString("whole number"));
                }
            }
        });
        given().contentType(ContentType.JSON).body("{\"name\":\"Rex\",\"species\":\"DOG\",\"ownerId\":" + user
                + ",\"weightGrams\":4294967297}").post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].message", equalTo("must be a whole number from -2147483648 to 2147483647"));
        assertEquals(before, fingerprint());
    }
}
