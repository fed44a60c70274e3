package dev.petmanager.pet;

import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.pet.PetFixtures.ALLOWED;
import static dev.petmanager.pet.PetFixtures.ids;
import static dev.petmanager.pet.PetFixtures.missingPetId;
import static dev.petmanager.pet.PetFixtures.number;
import static dev.petmanager.pet.PetFixtures.owner;
import static dev.petmanager.pet.PetFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PetCreateAndDeleteTest {

    // ---- create ---------------------------------------------------------------------------------------------------

    @Test
    void createReturns201WithALocationThatResolvesAndStoresThePet() {
        long owner = owner();
        Response created = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Rex\",\"species\":\"DOG\",\"birthDate\":\"2020-05-17\",\"weightGrams\":12500,\"ownerId\":"
                        + owner + "}")
                .when().post("/pets");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Rex"))
                .body("species", equalTo("DOG"))
                .body("birthDate", equalTo("2020-05-17"))
                .body("weightGrams", equalTo(12500))
                .body("ownerId", equalTo((int) owner))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());
        long id = created.jsonPath().getLong("id");
        String location = created.header("Location");
        assertTrue(location.startsWith("http") && location.endsWith("/pets/" + id), location);
        given().when().get(location).then().statusCode(200).body("id", equalTo((int) id)).body("name", equalTo("Rex"));

        Map<String, Object> row = Db.row("SELECT * FROM pets WHERE id = ?", id);
        assertEquals("Rex", row.get("name"));
        assertEquals("DOG", row.get("species"));
        assertEquals(LocalDate.parse("2020-05-17"), Problems.date(row.get("birth_date")));
        assertEquals(12500L, number(row.get("weight_grams")));
        assertEquals(owner, number(row.get("owner_id")));
        assertEquals(0L, number(row.get("version")));
        assertEquals(Instant.parse(created.jsonPath().getString("createdAt")), Problems.instant(row.get("created_at")));
    }

    @Test
    void createWithoutBirthDateStoresNoneAndTodayIsAccepted() {
        long owner = owner();
        long id = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Undated\",\"species\":\"OTHER\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().statusCode(201).body("birthDate", nullValue()).extract().jsonPath().getLong("id");
        assertNull(Db.row("SELECT birth_date FROM pets WHERE id = ?", id).get("birth_date"));

        String today = LocalDate.now().toString();
        long born = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Newborn\",\"species\":\"CAT\",\"birthDate\":\"" + today + "\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().statusCode(201).body("birthDate", equalTo(today)).extract().jsonPath().getLong("id");
        assertEquals(LocalDate.parse(today), Problems.date(Db.row("SELECT birth_date FROM pets WHERE id = ?", born).get("birth_date")));
    }

    @Test
    void createIgnoresServerOwnedIdCreatedAtAndVersion() {
        long owner = owner();
        long unusedId = missingPetId();
        Response created = given().contentType(ContentType.JSON)
                .body("{\"id\":" + unusedId + ",\"name\":\"Owned\",\"species\":\"CAT\",\"ownerId\":" + owner
                        + ",\"createdAt\":\"2001-01-01T00:00:00Z\",\"version\":9}")
                .when().post("/pets");
        created.then().statusCode(201)
                .body("id", not(equalTo((int) unusedId)))
                .body("createdAt", not(startsWith("2001")))
                .body("version", equalTo(0));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE id = ?", unusedId));
        assertEquals(Map.of("name", "Owned", "version", 0),
                Db.row("SELECT name, version FROM pets WHERE id = ?", created.jsonPath().getLong("id")));
    }

    @Test
    void speciesInABodyIgnoresCaseLikeTheFilter() {
        long owner = owner();
        given().contentType(ContentType.JSON).body("{\"name\":\"Kit\",\"species\":\"cat\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().statusCode(201)
                .body("species", equalTo("CAT"));
        assertEquals("CAT", Db.row("SELECT species FROM pets WHERE owner_id = ?", owner).get("species"));
    }

    @Test
    void createWithAnUnknownSpeciesIsRejectedNamingTheAllowedValues() {
        long owner = owner();
        for (String species : List.of("LION", "DOGS", "")) {
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"Leo\",\"species\":\"" + species + "\",\"ownerId\":" + owner + "}")
                    .when().post("/pets")
                    .then().spec(problem(400, "/pets"))
                    .body("errors[0].field", equalTo("species"));
        }
        given().contentType(ContentType.JSON).body("{\"name\":\"Leo\",\"species\":\"LION\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("detail", containsString("LION"))
                .body("detail", containsString(ALLOWED));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void createWithAWeightThatIsNotAPositiveNumberOfGramsUpToTwoTonnesIsRejected() {
        long owner = owner();
        for (String weight : List.of("0", "-5", "2000001")) {
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"Odd\",\"species\":\"DOG\",\"weightGrams\":" + weight + ",\"ownerId\":" + owner + "}")
                    .when().post("/pets")
                    .then().spec(problem(400, "/pets"))
                    .body("errors.field", equalTo(List.of("weightGrams")));
        }
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Odd\",\"species\":\"DOG\",\"weightGrams\":\"heavy\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("weightGrams"));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void createWithABirthDateInTheFutureIsRejected() {
        long owner = owner();
        String tomorrowPlusOne = LocalDate.now().plusDays(2).toString();
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Future\",\"species\":\"DOG\",\"birthDate\":\"" + tomorrowPlusOne + "\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors.field", equalTo(List.of("birthDate")));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Bad date\",\"species\":\"DOG\",\"birthDate\":\"2020-13-45\",\"ownerId\":" + owner + "}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("birthDate"));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void createWithAnUnknownOwnerIsConflictAndStoresNothing() {
        long missing = Db.count("SELECT coalesce(max(id), 0) + 1000 FROM users");
        String name = "Orphan " + token();
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"species\":\"DOG\",\"ownerId\":" + missing + "}")
                .when().post("/pets")
                .then().spec(problem(409, "/pets"))
                .body("detail", containsString("ownerId " + missing));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE name = ? OR owner_id = ?", name, missing));
    }

    @Test
    void createWithoutOwnerOrOtherRequiredFieldsIsRejectedWithEveryFieldError() {
        String name = "Ownerless " + token();
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"species\":\"DOG\"}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors.field", equalTo(List.of("ownerId")));
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"species\":\"DOG\",\"ownerId\":null}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors.field", equalTo(List.of("ownerId")));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/pets")
                .then().spec(problem(400, "/pets"))
                .body("errors.field", equalTo(List.of("name", "ownerId", "species")));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE name = ?", name));
    }

    // ---- DELETE ---------------------------------------------------------------------------------------------------

    @Test
    void deletingAPetRemovesOnlyThatPet() {
        long owner = owner();
        long gone = Api.createPet("Gone", "DOG", owner);
        long stays = Api.createPet("Stays", "DOG", owner);
        given().when().delete("/pets/" + gone).then().statusCode(204).body(equalTo(""));
        assertNull(Db.row("SELECT * FROM pets WHERE id = ?", gone));
        assertEquals(List.of(stays), ids("SELECT id FROM pets WHERE owner_id = ?", owner));
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", owner));
        given().when().get("/pets/" + gone).then().spec(problem(404, "/pets/" + gone));
        given().when().delete("/pets/" + gone).then().spec(problem(404, "/pets/" + gone));
    }

    @Test
    void deletingAnUnknownPetIsNotFound() {
        long missing = missingPetId();
        long before = Db.count("SELECT count(*) FROM pets");
        given().when().delete("/pets/" + missing).then().spec(problem(404, "/pets/" + missing));
        assertEquals(before, Db.count("SELECT count(*) FROM pets"));
    }
}
