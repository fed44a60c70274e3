package dev.petmanager.api;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.api.WriteFingerprint.fingerprint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Text arrives as UTF-8 and is stored as sent: ill-formed UTF-8 and unpaired surrogates are a 400 problem naming the
 * field, and every accepted write answers with exactly what the database holds afterwards.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StrictTextTest {

    /** Byte sequences no UTF-8 decoder may accept, each placed inside the value of "name". */
    private static final List<byte[]> ILL_FORMED = List.of(
            bytes(0xC0, 0xAF),             // overlong '/'
            bytes(0xE0, 0x80, 0xAF),       // overlong '/', three bytes
            bytes(0xF0, 0x80, 0x80, 0xAF), // overlong '/', four bytes
            bytes(0xED, 0xA0, 0x80),       // U+D800 encoded as if it were a character (CESU-8)
            bytes(0xF4, 0x90, 0x80, 0x80), // beyond U+10FFFF
            bytes(0xFF),                   // never a UTF-8 byte
            bytes(0x80),                   // continuation byte with no start
            bytes(0xE2, 0x82),             // truncated sequence
            bytes(0x00));                  // a raw zero byte: never in JSON text, and it makes Jackson guess UTF-16

    @Test
    void illFormedUtf8Is400NamingTheField() {
        long user = Api.createUser("Encoded", Api.uniqueEmail("encoded"));
        Map<String, Object> before = fingerprint();
        for (byte[] bad : ILL_FORMED) {
            String email = Api.uniqueEmail("utf8");
            given().contentType(ContentType.JSON).body(concat("{\"name\":\"A", bad, "B\",\"email\":\"" + email + "\"}"))
                    .post("/users")
                    .then().spec(problem(400, "/users"))
                    .body("title", equalTo("Malformed JSON"))
                    .body("detail", containsString("offset 10"))
                    .body("errors[0].field", equalTo("name"))
                    .body("errors[0].message", containsString("not UTF-8"));
            given().contentType(MERGE_PATCH).body(concat("{\"email\":\"x", bad, "@example.com\"}"))
                    .patch("/users/" + user)
                    .then().spec(problem(400, "/users/" + user)).body("errors[0].field", equalTo("email"));
            assertEquals(0, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
        }
        // Outside any value there is no field to name; the offset still says where.
        given().contentType(ContentType.JSON).body(concat("{\"na", bytes(0xC0, 0xAF), "me\":\"A\"}")).post("/users")
                .then().spec(problem(400, "/users")).body("detail", containsString("offset 4")).body("errors", nullValue());
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"UTF-16\",\"email\":\"u@example.com\"}".getBytes(StandardCharsets.UTF_16LE))
                .post("/users").then().spec(problem(400, "/users"));
        assertEquals(before, fingerprint());
    }

    @Test
    void unpairedSurrogatesAre400NamingTheField() {
        long user = Api.createUser("Paired", Api.uniqueEmail("paired"));
        long pet = Api.createPet("Paired pet", "CAT", user);
        Map<String, Object> before = fingerprint();
        for (String text : List.of("\\ud800", "x\\udc00y", "\\ude00\\ud83d", "\\ud83d\\ud83d\\ude00", "end\\udbff")) {
            String email = Api.uniqueEmail("surrogate");
            given().contentType(ContentType.JSON).body("{\"name\":\"" + text + "\",\"email\":\"" + email + "\"}")
                    .post("/users")
                    .then().spec(problem(400, "/users"))
                    .body("errors[0].field", equalTo("name"))
                    .body("errors[0].message", containsString("unpaired UTF-16 surrogate"));
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + text + "\",\"species\":\"DOG\",\"ownerId\":" + user + "}")
                    .put("/pets/" + pet)
                    .then().spec(problem(400, "/pets/" + pet)).body("errors[0].field", equalTo("name"));
            given().contentType(MERGE_PATCH).body("{\"name\":\"" + text + "\"}").patch("/pets/" + pet)
                    .then().spec(problem(400, "/pets/" + pet)).body("errors[0].field", equalTo("name"));
            assertEquals(0, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
        }
        assertEquals(before, fingerprint());
    }

    /** {@code "nul\u0000inside"} as JSON escapes it. */
    private static final String ZERO_CHARACTER = "nul\\u0000inside";

    @Test
    @EnabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
            disabledReason = "SQLite stores U+0000 (everyAcceptedWriteAnswersWithWhatWasStored)")
    void aZeroCharacterIsRefusedOnPostgresqlAndNothingIsStored() {
        long user = Api.createUser("Zero", Api.uniqueEmail("zero"));
        Map<String, Object> before = fingerprint();
        String email = Api.uniqueEmail("zero-user");
        given().contentType(ContentType.JSON).body("{\"name\":\"" + ZERO_CHARACTER + "\",\"email\":\"" + email + "\"}")
                .post("/users").then().spec(problem(400, "/users"));
        given().contentType(ContentType.JSON).body("{\"name\":\"" + ZERO_CHARACTER + "\",\"species\":\"CAT\",\"ownerId\":"
                + user + "}").post("/pets").then().spec(problem(400, "/pets"));
        given().contentType(MERGE_PATCH).body("{\"name\":\"" + ZERO_CHARACTER + "\"}").patch("/users/" + user)
                .then().spec(problem(400, "/users/" + user));
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE email = ?", email));
        assertEquals("Zero", Db.row("SELECT name FROM users WHERE id = ?", user).get("name"));
        Map<String, Object> after = fingerprint();
        // PostgreSQL's identity sequences are not transactional: a refused insert used up its id, nothing more.
        after.remove("users_seq");
        after.remove("pets_seq");
        before.remove("users_seq");
        before.remove("pets_seq");
        assertEquals(before, after);
    }

    @Test
    void everyAcceptedWriteAnswersWithWhatWasStored() {
        // A pair outside the BMP (escaped and raw), a zero character, a line separator, accents, a leading BOM.
        List<String> names = new java.util.ArrayList<>(List.of("\\ud83d\\ude00 Grin", "😀 raw", "line\\u2028sep", "Zoë Ærø"));
        if (!TestDatabase.isPostgresql()) {
            names.add(ZERO_CHARACTER); // SQLite stores it; PostgreSQL text cannot hold it (below)
        }
        for (String name : names) {
            String email = Api.uniqueEmail("Stored").toUpperCase();
            JsonPath created = given().contentType(ContentType.JSON)
                    .body(utf8("\uFEFF{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}"))
                    .post("/users").then().statusCode(201).extract().jsonPath();
            long user = created.getLong("id");
            assertUserStoredAsAnswered(created);
            assertEquals(email.toLowerCase(), created.getString("email"), "e-mail addresses are stored lower-cased");

            JsonPath pet = given().contentType(ContentType.JSON).body("{\"name\":\"" + name
                    + "\",\"species\":\"bird\",\"birthDate\":\"2019-02-28\",\"weightGrams\":2000000,\"ownerId\":" + user + "}")
                    .post("/pets").then().statusCode(201).extract().jsonPath();
            assertPetStoredAsAnswered(pet);
            long id = pet.getLong("id");
            assertPetStoredAsAnswered(given().contentType(ContentType.JSON).body("{\"name\":\"" + name
                    + " again\",\"species\":\"Rabbit\",\"ownerId\":" + user + "}")
                    .put("/pets/" + id).then().statusCode(200).extract().jsonPath());
            assertPetStoredAsAnswered(given().contentType(MERGE_PATCH).body("{\"birthDate\":\"2000-01-01\",\"weightGrams\":1}")
                    .patch("/pets/" + id).then().statusCode(200).extract().jsonPath());
            // Bytes, not a String: RestAssured encodes a String body of a type it does not know as ISO-8859-1.
            assertUserStoredAsAnswered(given().contentType(MERGE_PATCH).body(utf8("{\"name\":\"" + name + "!\"}"))
                    .patch("/users/" + user).then().statusCode(200).extract().jsonPath());
        }
    }

    private static void assertUserStoredAsAnswered(JsonPath answer) {
        Map<String, Object> row = Db.row("SELECT name, email, version FROM users WHERE id = ?", answer.getLong("id"));
        assertEquals(Map.of("name", answer.getString("name"), "email", answer.getString("email"),
                "version", answer.getLong("version")), normalized(row));
    }

    private static void assertPetStoredAsAnswered(JsonPath answer) {
        Map<String, Object> row = Db.row("SELECT name, species, birth_date, weight_grams, owner_id, version FROM pets"
                + " WHERE id = ?", answer.getLong("id"));
        Map<String, Object> expected = new java.util.HashMap<>();
        expected.put("name", answer.getString("name"));
        expected.put("species", answer.getString("species"));
        expected.put("birth_date", answer.getString("birthDate"));
        expected.put("weight_grams", answer.get("weightGrams") == null ? null : answer.getLong("weightGrams"));
        expected.put("owner_id", answer.getLong("ownerId"));
        expected.put("version", answer.getLong("version"));
        assertEquals(expected, normalized(row));
    }

    private static Map<String, Object> normalized(Map<String, Object> row) {
        Map<String, Object> result = new java.util.HashMap<>();
        row.forEach((k, v) -> result.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return result;
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
