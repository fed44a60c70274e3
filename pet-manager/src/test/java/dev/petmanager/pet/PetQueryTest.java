package dev.petmanager.pet;

import static dev.petmanager.api.Problems.problem;
import static dev.petmanager.pet.PetFixtures.ALLOWED;
import static dev.petmanager.pet.PetFixtures.createPet;
import static dev.petmanager.pet.PetFixtures.ids;
import static dev.petmanager.pet.PetFixtures.ints;
import static dev.petmanager.pet.PetFixtures.missingPetId;
import static dev.petmanager.pet.PetFixtures.number;
import static dev.petmanager.pet.PetFixtures.owner;
import static dev.petmanager.pet.PetFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class PetQueryTest {

    // ---- list and filters -----------------------------------------------------------------------------------------

    @Test
    void listFiltersByOwner() {
        long owner = owner();
        long other = owner();
        long a = Api.createPet("A", "DOG", owner);
        long b = Api.createPet("B", "CAT", owner);
        Api.createPet("C", "CAT", other);
        given().when().get("/pets?ownerId=" + owner)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items.id", equalTo(ints(a, b)))
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
        assertEquals(List.of(a, b), ids("SELECT id FROM pets WHERE owner_id = ? ORDER BY id", owner));
    }

    @Test
    void listWithoutFiltersCountsEveryPet() {
        Api.createPet("Counted", "RABBIT", owner());
        long total = Db.count("SELECT count(*) FROM pets");
        given().when().get("/pets?size=100")
                .then().statusCode(200)
                .body("totalItems", equalTo((int) total))
                .body("totalPages", equalTo((int) ((total + 99) / 100)));
    }

    @Test
    void listFiltersBySpeciesCaseInsensitively() {
        long owner = owner();
        long dog1 = Api.createPet("D1", "DOG", owner);
        Api.createPet("C1", "CAT", owner);
        long dog2 = Api.createPet("D2", "DOG", owner);
        for (String species : List.of("DOG", "dog", "Dog", " dog ")) {
            given().queryParam("ownerId", owner).queryParam("species", species).when().get("/pets")
                    .then().statusCode(200)
                    .body("items.id", equalTo(ints(dog1, dog2)))
                    .body("items.species", equalTo(List.of("DOG", "DOG")))
                    .body("totalItems", equalTo(2));
        }
        assertEquals(2, Db.count("SELECT count(*) FROM pets WHERE owner_id = ? AND species = 'DOG'", owner));
    }

    @Test
    void listWithAnUnknownSpeciesFilterIsRejectedNamingTheAllowedValues() {
        given().when().get("/pets?species=lion")
                .then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("species"))
                .body("detail", containsString(ALLOWED));
    }

    @Test
    void listFiltersByNameContainsCaseInsensitively() {
        String token = token();
        long owner = owner();
        long a = Api.createPet("Big" + token + "Dog", "DOG", owner);
        long b = Api.createPet(token.toUpperCase() + "y", "CAT", owner());
        Api.createPet("Unrelated", "CAT", owner);
        given().queryParam("name", token.toLowerCase()).when().get("/pets")
                .then().statusCode(200)
                .body("items.id", equalTo(ints(a, b)))
                .body("totalItems", equalTo(2));
        given().queryParam("name", token.toUpperCase()).when().get("/pets")
                .then().statusCode(200).body("items.id", equalTo(ints(a, b)));
        assertEquals(2, Db.count("SELECT count(*) FROM pets WHERE lower(name) LIKE ?", "%" + token.toLowerCase() + "%"));
    }

    @Test
    void nameFilterTreatsPercentUnderscoreAndBackslashLiterally() {
        String t = token();
        long owner = owner();
        long percent = Api.createPet("100% " + t, "DOG", owner);
        Api.createPet("100x " + t, "DOG", owner);
        long underscore = Api.createPet("a_b " + t, "DOG", owner);
        Api.createPet("axb " + t, "DOG", owner);
        long backslash = Api.createPet("c\\d " + t, "DOG", owner);
        Api.createPet("cd " + t, "DOG", owner);

        given().queryParam("name", "0% " + t).when().get("/pets")
                .then().statusCode(200).body("items.id", equalTo(ints(percent)));
        given().queryParam("name", "a_b " + t).when().get("/pets")
                .then().statusCode(200).body("items.id", equalTo(ints(underscore)));
        given().queryParam("name", "c\\d").queryParam("ownerId", owner).when().get("/pets")
                .then().statusCode(200).body("items.id", equalTo(ints(backslash)));
        given().queryParam("name", "%").queryParam("ownerId", owner).when().get("/pets")
                .then().statusCode(200).body("items.id", equalTo(ints(percent)));
        given().queryParam("name", "_").queryParam("ownerId", owner).when().get("/pets")
                .then().statusCode(200).body("items.id", equalTo(ints(underscore)));
        assertEquals(6, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    @Test
    void combinedFiltersPageAndSortTogether() {
        String t = token();
        long owner = owner();
        long rex1 = Api.createPet("Rex1 " + t, "DOG", owner);
        long rex3 = Api.createPet("Rex3 " + t, "DOG", owner);
        long rex2 = Api.createPet("rex2 " + t, "DOG", owner);
        Api.createPet("Rex4 " + t, "CAT", owner);
        Api.createPet("Max " + t, "DOG", owner);
        Api.createPet("Rex5 " + t, "DOG", owner()); // another owner

        String query = "/pets?ownerId=" + owner + "&species=dog&name=REX&size=2&sort=-id";
        given().when().get(query + "&page=0")
                .then().statusCode(200)
                .body("items.id", equalTo(ints(rex2, rex3)))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2));
        given().when().get(query + "&page=1")
                .then().statusCode(200)
                .body("items.id", equalTo(ints(rex1)))
                .body("totalItems", equalTo(3));
        given().when().get(query + "&page=2")
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(3));
        assertEquals(3, Db.count(
                "SELECT count(*) FROM pets WHERE owner_id = ? AND species = 'DOG' AND lower(name) LIKE '%rex%'", owner));
    }

    @Test
    void listSortsByNameBirthDateCreatedAtAndWeight() {
        long owner = owner();
        long charlie = createPet("Charlie", "DOG", "2020-03-01", owner);
        long alpha = createPet("alpha", "CAT", "2021-01-01", owner);
        long bravo = createPet("Bravo", "BIRD", "2019-06-15", owner);
        String base = "/pets?ownerId=" + owner + "&sort=";

        given().when().get(base + "name").then().statusCode(200)
                .body("items.id", equalTo(ints(bravo, charlie, alpha))); // binary collation: capitals first
        given().when().get(base + "-name").then().statusCode(200)
                .body("items.id", equalTo(ints(alpha, charlie, bravo)));
        given().when().get(base + "birthDate").then().statusCode(200)
                .body("items.id", equalTo(ints(bravo, charlie, alpha)))
                .body("items.birthDate", equalTo(List.of("2019-06-15", "2020-03-01", "2021-01-01")));
        given().when().get(base + "-birthDate").then().statusCode(200)
                .body("items.id", equalTo(ints(alpha, charlie, bravo)));
        given().when().get(base + "createdAt,id").then().statusCode(200)
                .body("items.id", equalTo(ints(charlie, alpha, bravo)));
        given().when().get(base + "-createdAt,-id").then().statusCode(200)
                .body("items.id", equalTo(ints(bravo, alpha, charlie)));
        given().when().get(base + "species,-name").then().statusCode(200)
                .body("items.id", equalTo(ints(bravo, alpha, charlie)));
        for (long[] weight : new long[][] { { charlie, 3000 }, { alpha, 1000 }, { bravo, 2000 } }) {
            given().contentType("application/merge-patch+json").body("{\"weightGrams\":" + weight[1] + "}")
                    .when().patch("/pets/" + weight[0]).then().statusCode(200);
        }
        given().when().get(base + "-weightGrams").then().statusCode(200)
                .body("items.id", equalTo(ints(charlie, bravo, alpha)))
                .body("items.weightGrams", equalTo(List.of(3000, 2000, 1000)));
        assertEquals(List.of(bravo, charlie, alpha), ids("SELECT id FROM pets WHERE owner_id = ? ORDER BY name", owner));
    }

    @Test
    void listRejectsBadPagingAndSortParameters() {
        long before = Db.count("SELECT count(*) FROM pets");
        given().when().get("/pets?size=101").then().spec(problem(400, "/pets")).body("errors[0].field", equalTo("size"));
        given().when().get("/pets?size=0").then().spec(problem(400, "/pets"));
        given().when().get("/pets?page=-1").then().spec(problem(400, "/pets"));
        given().when().get("/pets?size=abc").then().spec(problem(400, "/pets"));
        given().when().get("/pets?ownerId=x").then().spec(problem(400, "/pets"));
        given().when().get("/pets?sort=weight").then().spec(problem(400, "/pets"))
                .body("errors[0].field", equalTo("sort"))
                .body("detail", containsString("birthDate, createdAt, id, name, ownerId, species, weightGrams"));
        given().when().get("/pets?sort=-owner").then().spec(problem(400, "/pets"));
        assertEquals(before, Db.count("SELECT count(*) FROM pets"));
    }

    @Test
    void listByAnOwnerWithoutPetsIsEmpty() {
        long owner = owner();
        given().when().get("/pets?ownerId=" + owner)
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0)).body("totalPages", equalTo(0));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE owner_id = ?", owner));
    }

    // ---- get ------------------------------------------------------------------------------------------------------

    @Test
    void getReturnsThePetWithItsVersionAsETag() {
        long owner = owner();
        long id = createPet("Getty", "RABBIT", "2022-02-22", owner);
        Map<String, Object> row = Db.row("SELECT * FROM pets WHERE id = ?", id);
        Response response = given().when().get("/pets/" + id);
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", equalTo("\"0\""))
                .body("keySet()", equalTo(java.util.Set.of("id", "name", "species", "birthDate", "weightGrams", "ownerId",
                        "createdAt", "version")))
                .body("id", equalTo((int) id))
                .body("name", equalTo("Getty"))
                .body("species", equalTo("RABBIT"))
                .body("birthDate", equalTo("2022-02-22"))
                .body("ownerId", equalTo((int) owner))
                .body("version", equalTo(0));
        assertEquals(Problems.instant(row.get("created_at")), Instant.parse(response.jsonPath().getString("createdAt")));
        assertEquals(LocalDate.parse("2022-02-22"), Problems.date(row.get("birth_date")));
        assertEquals(owner, number(row.get("owner_id")));
    }

    @Test
    void getUnknownPetIsNotFound() {
        long missing = missingPetId();
        given().when().get("/pets/" + missing)
                .then().spec(problem(404, "/pets/" + missing))
                .body("detail", equalTo("pet " + missing + " does not exist"));
        assertEquals(0, Db.count("SELECT count(*) FROM pets WHERE id = ?", missing));
    }
}
