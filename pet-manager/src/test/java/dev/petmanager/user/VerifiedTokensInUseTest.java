package dev.petmanager.user;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.TestIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;

/**
 * SmallRye JWT's authentication injects a {@link JWTParser}: the application's must be the one that remembers verified
 * tokens. (Not part of AuthenticationTest, which the packaged service's *IT suite runs too, where nothing is injected.)
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class VerifiedTokensInUseTest {

    @Inject
    JWTParser tokenParser;

    @Test
    void tokensAreVerifiedThroughTheParserThatRemembersThem() {
        assertInstanceOf(VerifiedTokens.class, tokenParser);
        String token = TestIssuer.token("twice", List.of("user"));
        given().auth().oauth2(token).get("/pets").then().statusCode(200);
        given().auth().oauth2(token).get("/pets").then().statusCode(200);
    }
}
