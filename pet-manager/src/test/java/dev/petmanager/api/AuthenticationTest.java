package dev.petmanager.api;

import static dev.petmanager.api.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.RawHttp;
import dev.petmanager.support.TestIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.petmanager.support.AdminTokenByDefault;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every API operation needs a bearer token that verifies: signed by the issuer's key with the one algorithm it uses,
 * from that issuer, for this audience, inside its lifetime, naming a subject. Each forged or broken token is a 401
 * problem with an {@code invalid_token} challenge and changes nothing; a missing role is a 403.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthenticationTest {

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @BeforeEach
    void noDefaultToken() {
        AdminTokenByDefault.sendNoDefaultToken();
    }

    @Test
    void withoutATokenEveryOperationIs401WithABearerChallenge() {
        Map<String, Object> before = rows();
        for (String path : List.of("/pets", "/pets/1", "/users", "/users/1", "/users/1/pets", "/me")) {
            given().get(path).then().spec(problem(401, path)).header("WWW-Authenticate", equalTo("Bearer"));
        }
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"species\":\"DOG\",\"ownerId\":1}").post("/pets")
                .then().spec(problem(401)).header("WWW-Authenticate", equalTo("Bearer"));
        given().delete("/users/1").then().spec(problem(401));
        assertEquals(before, rows());
    }

    @Test
    void theApiIndexNeedsNoToken() {
        given().get("/").then().statusCode(200).body("name", equalTo("Pet Manager"));
    }

    @Test
    void forgedAndBrokenTokensAre401AndChangeNothing() {
        long owner = Api.createUserAs(TestIssuer.adminToken(), "Victim", Api.uniqueEmail("victim"));
        long pet = Api.createPetAs(TestIssuer.adminToken(), "Victim's pet", "DOG", owner);
        Map<String, Object> before = rows();
        String valid = TestIssuer.token("attacker", List.of("user"));
        String[] parts = valid.split("\\.");
        long now = NumericDate.now().getValue();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", TestIssuer.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        attacks.put("HS256 with the public key as secret", TestIssuer.sign(claims("attacker", List.of("admin")),
                new HmacKey(TestIssuer.publicKeyPem()), AlgorithmIdentifiers.HMAC_SHA256));
        attacks.put("signed by another key", TestIssuer.sign(claims("attacker", List.of("user")),
                TestIssuer.strangerKeys().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256));
        attacks.put("admin claim signed by another key", TestIssuer.sign(claims(TestIssuer.ADMIN_SUBJECT,
                List.of("admin")), TestIssuer.strangerKeys().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256));
        attacks.put("expired", TestIssuer.token(c -> {
            c.setSubject("attacker");
            c.setIssuedAt(NumericDate.fromSeconds(now - 3600));
            c.setExpirationTime(NumericDate.fromSeconds(now - 120));
        }));
        attacks.put("not yet valid", TestIssuer.token(c -> {
            c.setSubject("attacker");
            c.setNotBefore(NumericDate.fromSeconds(now + 300));
        }));
        attacks.put("wrong issuer", TestIssuer.token(c -> {
            c.setSubject("attacker");
            c.setIssuer("https://evil.test/");
        }));
        attacks.put("wrong audience", TestIssuer.token(c -> {
            c.setSubject("attacker");
            c.setAudience("another-service");
        }));
        attacks.put("no subject", TestIssuer.token(c -> c.setStringListClaim("groups", "admin")));
        attacks.put("header tampered (alg RS512)", TestIssuer.base64Url("{\"alg\":\"RS512\"}") + "." + parts[1] + "."
                + parts[2]);
        attacks.put("payload tampered (admin role added)", parts[0] + "." + TestIssuer.base64Url(claims("attacker",
                List.of("admin")).toJson()) + "." + parts[2]);
        attacks.put("signature cut", parts[0] + "." + parts[1] + ".");
        attacks.put("not a JWT", "abc.def");
        attacks.forEach((attack, token) -> {
            for (String path : List.of("/pets/" + pet, "/users", "/me")) {
                given().auth().oauth2(token).get(path).then().spec(problem(401))
                        .header("WWW-Authenticate", equalTo(INVALID_TOKEN));
            }
            given().auth().oauth2(token).delete("/pets/" + pet).then().spec(problem(401));
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Mine\",\"email\":\""
                    + Api.uniqueEmail("x") + "\"}").put("/me").then().spec(problem(401));
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Renamed\",\"email\":\""
                    + Api.uniqueEmail("x") + "\"}").put("/users/" + owner).then().spec(problem(401));
            assertEquals(before, rows(), attack);
        });
        // The genuine token of the same claims works: what failed above was the forgery.
        given().auth().oauth2(valid).get("/pets").then().statusCode(200);
    }

    @Test
    void aTokenInTheQueryStringIsIgnored() {
        String admin = TestIssuer.adminToken();
        given().get("/users?access_token=" + admin).then().spec(problem(401)).header("WWW-Authenticate",
                equalTo("Bearer"));
    }

    @Test
    void aTokenOf40KiBIs431Problem() throws Exception {
        String huge = TestIssuer.token(c -> {
            c.setSubject("big");
            c.setClaim("padding", "a".repeat(40 * 1024));
        });
        RawHttp.Reply reply = RawHttp.exchangeAnonymously(("GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + huge + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(431, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(431, reply.json().getInt("status"));
    }

    @Test
    void aMissingRoleIs403Problem() {
        String user = TestIssuer.token("plain-user", List.of("user"));
        Map<String, Object> before = rows();
        given().auth().oauth2(user).contentType(ContentType.JSON)
                .body("{\"name\":\"Someone\",\"email\":\"" + Api.uniqueEmail("someone") + "\"}").post("/users")
                .then().spec(problem(403, "/users"));
        assertEquals(before, rows());
    }

    @Test
    void aNewSubjectCreatesItsProfileWithPutMe() {
        String token = TestIssuer.token("newcomer-" + System.nanoTime(), List.of("user"));
        given().auth().oauth2(token).get("/me").then().spec(problem(404, "/me"));
        String email = Api.uniqueEmail("newcomer");
        long id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Newcomer\",\"email\":\"" + email + "\"}").put("/me")
                .then().statusCode(201).header("Location", notNullValue()).body("email", equalTo(email))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(token).get("/me").then().statusCode(200).body("id", equalTo((int) id))
                .body("name", equalTo("Newcomer"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Renamed\",\"email\":\"" + email + "\"}").put("/me")
                .then().statusCode(200).body("id", equalTo((int) id)).body("version", equalTo(1));
        assertEquals(Map.of("issuer", TestIssuer.issuer(), "name", "Renamed"),
                Db.row("SELECT issuer, name FROM users WHERE id = ?", id));
        given().auth().oauth2(token).get("/users/" + id).then().statusCode(200);
    }

    @Test
    void devTokensExistOnlyInDevMode() {
        for (String who : List.of("user", "admin")) {
            given().get("/dev/tokens/" + who).then().spec(problem(404));
            given().auth().oauth2(TestIssuer.adminToken()).get("/dev/tokens/" + who).then().spec(problem(404));
        }
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerScheme() {
        ValidatableResponse doc = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200);
        doc.body("components.securitySchemes", hasKey("bearer"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/pets'.get.security[0]", hasKey("bearer"))
                .body("paths.'/me'.put.security[0]", hasKey("bearer"))
                .body("paths.'/users'.post.responses", hasKey("403"));
    }

    private static org.jose4j.jwt.JwtClaims claims(String subject, List<String> roles) {
        org.jose4j.jwt.JwtClaims claims = TestIssuer.validClaims();
        claims.setSubject(subject);
        claims.setStringListClaim("groups", roles);
        return claims;
    }

    /** Every row of both tables, as stored. */
    static Map<String, Object> rows() {
        return Map.of("users", Db.rows("SELECT * FROM users ORDER BY id"), "pets", Db.rows("SELECT * FROM pets ORDER BY id"),
                "sequences", WriteFingerprint.fingerprint());
    }
}
