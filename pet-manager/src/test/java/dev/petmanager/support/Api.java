package dev.petmanager.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;

/** Creates resources through the HTTP API for tests that need some to exist. */
public final class Api {

    private Api() {
    }

    public static long createUser(String name, String email) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "email", email))
                .when().post("/users")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static long createPet(String name, String species, long ownerId) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "species", species, "ownerId", ownerId))
                .when().post("/pets")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Creates a user as the caller {@code token} names (an admin). */
    public static long createUserAs(String token, String name, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", name, "email", email))
                .when().post("/users")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static long createPetAs(String token, String name, String species, long ownerId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "species", species, "ownerId", ownerId))
                .when().post("/pets")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** The profile of the subject {@code token} names, created with PUT /me; its id. */
    public static long signUp(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", uniqueEmail(name.toLowerCase(java.util.Locale.ROOT))))
                .when().put("/me")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A unique e-mail address, so tests sharing one database never collide. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
