package dev.petmanager.pet;

import static dev.petmanager.api.Problems.MERGE_PATCH;
import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.pet.PetFixtures.ALLOWED;
import static dev.petmanager.pet.PetFixtures.createPet;
import static dev.petmanager.pet.PetFixtures.ints;
import static dev.petmanager.pet.PetFixtures.missingPetId;
import static dev.petmanager.pet.PetFixtures.number;
import static dev.petmanager.pet.PetFixtures.owner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
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

@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PetUpdateTest {

    // ---- PUT ------------------------------------------------------------------------------------------------------

    @Test
    void putReplacesThePetIncludingItsOwner() {
        long oldOwner = owner();
        long newOwner = owner();
        long id = createPet("Moving", "DOG", "2018-08-08", oldOwner);
        given().when().get("/pets/" + id).then().statusCode(200).body("ownerId", equalTo((int) oldOwner));
        Object createdAt = Db.row("SELECT created_at FROM pets WHERE id = ?", id).get("created_at");

        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Moved\",\"species\":\"CAT\",\"birthDate\":\"2019-09-09\",\"ownerId\":" + newOwner
                        + ",\"version\":0}")
                .when().put("/pets/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo((int) id))
                .body("name", equalTo("Moved"))
                .body("species", equalTo("CAT"))
                .body("birthDate", equalTo("2019-09-09"))
                .body("ownerId", equalTo((int) newOwner))
                .body("version", equalTo(1));

        Map<String, Object> row = Db.row("SELECT * FROM pets WHERE id = ?", id);
        assertEquals("Moved", row.get("name"));
        assertEquals("CAT", row.get("species"));
        assertEquals(LocalDate.parse("2019-09-09"), Problems.date(row.get("birth_date")));
        assertEquals(newOwner, number(row.get("owner_id")));
        assertEquals(1L, number(row.get("version")));
        assertEquals(createdAt, row.get("created_at"));
        given().when().get("/pets/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Moved"))
                .body("ownerId", equalTo((int) newOwner));
        given().when().get("/users/" + oldOwner + "/pets").then().statusCode(200).body("items", empty());
        given().when().get("/users/" + newOwner + "/pets").then().statusCode(200).body("items.id", equalTo(ints(id)));
    }

    @Test
    void putWithoutTheOptionalBirthDateClearsIt() {
        long owner = owner();
        long id = createPet("Dated", "DOG", "2018-08-08", owner);
        given().contentType(ContentType.JSON).body("{\"name\":\"Dated\",\"species\":\"DOG\",\"ownerId\":" + owner + "}")
                .when().put("/pets/" + id)
                .then().statusCode(200).body("birthDate", nullValue()).body("version", equalTo(1));
        assertNull(Db.row("SELECT birth_date FROM pets WHERE id = ?", id).get("birth_date"));
    }

    @Test
    void putWithAStaleVersionOrIfMatchIsConflictAndChangesNothing() {
        long owner = owner();
        long id = Api.createPet("Locked", "DOG", owner);
        given().contentType(ContentType.JSON).body("{\"name\":\"v1\",\"species\":\"DOG\",\"ownerId\":" + owner + ",\"version\":0}")
                .when().put("/pets/" + id).then().statusCode(200).body("version", equalTo(1));

        given().contentType(ContentType.JSON).body("{\"name\":\"lost\",\"species\":\"DOG\",\"ownerId\":" + owner + ",\"version\":0}")
                .when().put("/pets/" + id)
                .then().spec(problem(409, "/pets/" + id))
                .body("detail", containsString("version 1"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"lost\",\"species\":\"DOG\",\"ownerId\":" + owner + "}")
                .when().put("/pets/" + id)
                .then().spec(problem(409, "/pets/" + id));
        assertEquals(Map.of("name", "v1", "version", 1), Db.row("SELECT name, version FROM pets WHERE id = ?", id));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"name\":\"v2\",\"species\":\"DOG\",\"ownerId\":" + owner + "}")
                .when().put("/pets/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\""));
        assertEquals(Map.of("name", "v2", "version", 2), Db.row("SELECT name, version FROM pets WHERE id = ?", id));
    }

    @Test
    void putToAnUnknownOwnerIsConflictAndChangesNothing() {
        long owner = owner();
        long id = Api.createPet("Loyal", "DOG", owner);
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        given().contentType(ContentType.JSON).body("{\"name\":\"Loyal\",\"species\":\"DOG\",\"ownerId\":" + missing + "}")
                .when().put("/pets/" + id)
                .then().spec(problem(409, "/pets/" + id));
        assertEquals(Map.of("owner_id", (int) owner, "version", 0), Db.row("SELECT owner_id, version FROM pets WHERE id = ?", id));
    }

    @Test
    void putWithInvalidFieldsIsRejectedAndChangesNothing() {
        long owner = owner();
        long id = Api.createPet("Valid", "DOG", owner);
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"species\":\"DOG\",\"birthDate\":\"" + LocalDate.now().plusDays(3) + "\",\"ownerId\":" + owner + "}")
                .when().put("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors.field", equalTo(List.of("birthDate", "name")));
        given().contentType(ContentType.JSON).body("{\"name\":\"Valid\",\"species\":\"DOG\"}")
                .when().put("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors.field", equalTo(List.of("ownerId")));
        assertEquals(Map.of("name", "Valid", "owner_id", (int) owner, "version", 0),
                Db.row("SELECT name, owner_id, version FROM pets WHERE id = ?", id));
    }

    @Test
    void putUnknownPetIsNotFoundAndCreatesNothing() {
        long owner = owner();
        long missing = missingPetId();
        given().contentType(ContentType.JSON).body("{\"name\":\"Ghost\",\"species\":\"DOG\",\"ownerId\":" + owner + "}")
                .when().put("/pets/" + missing)
                .then().spec(problem(404, "/pets/" + missing));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE id = ? OR owner_id = ?", missing, owner));
    }

    // ---- PATCH ----------------------------------------------------------------------------------------------------

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        long owner = owner();
        long id = createPet("Patchy", "DOG", "2017-07-07", owner);
        given().contentType(MERGE_PATCH).body("{\"name\":\"Patched\",\"weightGrams\":4200}")
                .when().patch("/pets/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Patched"))
                .body("weightGrams", equalTo(4200))
                .body("species", equalTo("DOG"))
                .body("birthDate", equalTo("2017-07-07"))
                .body("ownerId", equalTo((int) owner))
                .body("version", equalTo(1));
        Map<String, Object> row = Db.row("SELECT name, species, birth_date, weight_grams, owner_id, version FROM pets"
                + " WHERE id = ?", id);
        assertEquals("Patched", row.get("name"));
        assertEquals(4200L, number(row.get("weight_grams")));
        assertEquals("DOG", row.get("species"));
        assertEquals(LocalDate.parse("2017-07-07"), Problems.date(row.get("birth_date")));
        assertEquals(owner, number(row.get("owner_id")));
        assertEquals(1L, number(row.get("version")));
    }

    @Test
    void mergePatchWithNullRemovesTheOptionalBirthDate() {
        long owner = owner();
        long id = createPet("Ageless", "BIRD", "2016-06-06", owner);
        given().contentType(MERGE_PATCH).body("{\"birthDate\":null}")
                .when().patch("/pets/" + id)
                .then().statusCode(200).body("birthDate", nullValue()).body("name", equalTo("Ageless"));
        Map<String, Object> row = Db.row("SELECT name, birth_date, version FROM pets WHERE id = ?", id);
        assertNull(row.get("birth_date"));
        assertEquals("Ageless", row.get("name"));
        assertEquals(1L, number(row.get("version")));
    }

    @Test
    void mergePatchSettingRequiredFieldsToNullIsRejectedWithFieldErrors() {
        long owner = owner();
        long id = Api.createPet("Required", "CAT", owner);
        given().contentType(MERGE_PATCH).body("{\"ownerId\":null}")
                .when().patch("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors.field", equalTo(List.of("ownerId")));
        given().contentType(MERGE_PATCH).body("{\"name\":null,\"species\":null,\"ownerId\":null}")
                .when().patch("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors.field", equalTo(List.of("name", "ownerId", "species")));
        assertEquals(Map.of("name", "Required", "species", "CAT", "owner_id", (int) owner, "version", 0),
                Db.row("SELECT name, species, owner_id, version FROM pets WHERE id = ?", id));
    }

    @Test
    void mergePatchChangesTheOwnerAndRejectsAnUnknownOne() {
        long owner = owner();
        long next = owner();
        long id = Api.createPet("Wanderer", "OTHER", owner);
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");

        given().contentType(MERGE_PATCH).body("{\"ownerId\":" + missing + "}")
                .when().patch("/pets/" + id)
                .then().spec(problem(409, "/pets/" + id));
        assertEquals(owner, number(Db.row("SELECT owner_id FROM pets WHERE id = ?", id).get("owner_id")));

        given().contentType(MERGE_PATCH).body("{\"ownerId\":" + next + "}")
                .when().patch("/pets/" + id)
                .then().statusCode(200).body("ownerId", equalTo((int) next)).body("name", equalTo("Wanderer"));
        assertEquals(Map.of("owner_id", (int) next, "version", 1), Db.row("SELECT owner_id, version FROM pets WHERE id = ?", id));
        // the old owner has no pets left, so it can now be deleted without cascade
        given().when().delete("/users/" + owner).then().statusCode(204);
        assertEquals(0, Db.count("SELECT count(*) FROM users WHERE id = ?", owner));
    }

    @Test
    void mergePatchWithInvalidValuesIsRejectedAndChangesNothing() {
        long owner = owner();
        long id = Api.createPet("Stable", "DOG", owner);
        given().contentType(MERGE_PATCH).body("{\"species\":\"DRAGON\"}")
                .when().patch("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors[0].field", equalTo("species"))
                .body("detail", containsString(ALLOWED));
        given().contentType(MERGE_PATCH).body("{\"birthDate\":\"" + LocalDate.now().plusDays(5) + "\"}")
                .when().patch("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors.field", equalTo(List.of("birthDate")));
        given().contentType(MERGE_PATCH).body("{\"name\":\"" + "n".repeat(101) + "\"}")
                .when().patch("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors.field", equalTo(List.of("name")));
        given().contentType(MERGE_PATCH).body("{\"weight\":3}")
                .when().patch("/pets/" + id)
                .then().spec(problem(400, "/pets/" + id))
                .body("errors[0].field", equalTo("weight"));
        for (String notAnObject : List.of("[]", "\"Stable\"", "true")) {
            given().contentType(MERGE_PATCH).body(notAnObject)
                    .when().patch("/pets/" + id)
                    .then().spec(problem(400, "/pets/" + id));
        }
        assertEquals(Map.of("name", "Stable", "species", "DOG", "version", 0),
                Db.row("SELECT name, species, version FROM pets WHERE id = ?", id));
    }

    @Test
    void mergePatchWithAStaleIfMatchOrVersionIsConflict() {
        long owner = owner();
        long id = Api.createPet("Racy", "DOG", owner);
        given().contentType(MERGE_PATCH).body("{\"name\":\"v1\"}").when().patch("/pets/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"name\":\"lost\"}")
                .when().patch("/pets/" + id)
                .then().spec(problem(409, "/pets/" + id));
        given().contentType(MERGE_PATCH).body("{\"name\":\"lost\",\"version\":0}")
                .when().patch("/pets/" + id)
                .then().spec(problem(409, "/pets/" + id));
        assertEquals(Map.of("name", "v1", "version", 1), Db.row("SELECT name, version FROM pets WHERE id = ?", id));
        given().contentType(MERGE_PATCH).body("{\"name\":\"v2\",\"version\":1}")
                .when().patch("/pets/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        assertEquals(Map.of("name", "v2", "version", 2), Db.row("SELECT name, version FROM pets WHERE id = ?", id));
    }

    @Test
    void mergePatchOfAnUnknownPetIsNotFound() {
        long missing = missingPetId();
        given().contentType(MERGE_PATCH).body("{\"name\":\"Nobody\"}")
                .when().patch("/pets/" + missing)
                .then().spec(problem(404, "/pets/" + missing));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE id = ?", missing));
    }

    @Test
    void mergePatchOfTheCurrentValuesChangesNothingAndKeepsTheVersion() {
        long owner = owner();
        long id = createPet("Same", "CAT", "2019-09-09", owner);
        given().contentType(MERGE_PATCH).body("{\"name\":\"Same\",\"birthDate\":\"2019-09-09\"}")
                .when().patch("/pets/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("version", equalTo(0));
        given().contentType(MERGE_PATCH).body("{\"version\":0}")
                .when().patch("/pets/" + id)
                .then().statusCode(200).body("name", equalTo("Same")).body("version", equalTo(0));
        assertEquals(Map.of("name", "Same", "version", 0), Db.row("SELECT name, version FROM pets WHERE id = ?", id));
    }

    @Test
    void mergePatchOfAnUnknownPetIsNotFoundBeforeItsInvalidFieldsOrVersion() {
        long missing = missingPetId();
        for (String patch : List.of("{\"name\":null}", "{\"species\":\"DRAGON\"}", "{\"weight\":3}", "{\"name\":\"N\",\"version\":7}")) {
            given().contentType(MERGE_PATCH).body(patch)
                    .when().patch("/pets/" + missing)
                    .then().spec(problem(404, "/pets/" + missing));
        }
        given().contentType(MERGE_PATCH).header("If-Match", "not-a-version").body("{\"name\":\"N\"}")
                .when().patch("/pets/" + missing)
                .then().spec(problem(404, "/pets/" + missing));
    }
}
