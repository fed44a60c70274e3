package dev.petmanager.pet;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import io.restassured.http.ContentType;

/** Owners, pets and row helpers shared by the pet endpoint tests. */
final class PetFixtures {

    static final String ALLOWED = "[DOG, CAT, BIRD, RABBIT, OTHER]";

    private PetFixtures() {
    }

    static long owner() {
        return Api.createUser("Owner", Api.uniqueEmail("pet-owner"));
    }

    static long createPet(String name, String species, String birthDate, long ownerId) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"species\":\"" + species + "\",\"birthDate\":\"" + birthDate
                        + "\",\"ownerId\":" + ownerId + "}")
                .when().post("/pets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long missingPetId() {
        return Db.count("SELECT coalesce(max(id), 0) + 100000 FROM pets");
    }

    static String token() {
        return "tk" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<Long> ids(String sql, Object... args) {
        return Db.rows(sql, args).stream().map(r -> number(r.values().iterator().next())).toList();
    }

    static List<Integer> ints(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(id -> (int) id).toList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
