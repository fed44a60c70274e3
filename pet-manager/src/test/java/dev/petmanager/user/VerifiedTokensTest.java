package dev.petmanager.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import dev.petmanager.support.TestIssuer;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The verified-token cache in front of SmallRye JWT's own parser, with real RS256 tokens and the real verifier: a
 * token is verified once and then served from memory until its expiry; anything that differs by one byte, failed, or
 * has expired is verified again.
 */
class VerifiedTokensTest {

    /** SmallRye JWT's parser with the test issuer's key and no clock skew, counting the verifications it makes. */
    static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();

        CountingVerifier() {
            super(context());
        }

        private static JWTAuthContextInfo context() {
            JWTAuthContextInfo info = new JWTAuthContextInfo(TestIssuer.publicKey(), TestIssuer.issuer());
            info.setExpectedAudience(java.util.Set.of("pet-manager"));
            info.setClockSkew(0);
            return info;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5));
        String token = TestIssuer.token("remembered", List.of("user"));
        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);
        assertSame(first, second);
        assertEquals("remembered", second.getSubject());
        assertEquals(1, verifier.verifications.get());
    }

    @Test
    void aChangedSignatureOrPayloadOfARememberedTokenIsVerifiedAndRefused() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5));
        String token = TestIssuer.token("victim", List.of("user"));
        tokens.parse(token);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String flipped = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        String adminPayload = parts[0] + "." + TestIssuer.base64Url(TestIssuer.validClaims().toJson()
                .replace("}", ",\"sub\":\"victim\",\"groups\":[\"admin\"]}")) + "." + parts[2];
        for (String forged : List.of(flipped, adminPayload, parts[0] + "." + parts[1] + ".")) {
            assertThrows(ParseException.class, () -> tokens.parse(forged));
            assertThrows(ParseException.class, () -> tokens.parse(forged)); // a failure is not remembered either
        }
        assertEquals(7, verifier.verifications.get());
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5));
        long expiry = NumericDate.now().getValue() + 5;
        String token = TestIssuer.token(claims -> {
            claims.setSubject("short-lived");
            claims.setExpirationTime(NumericDate.fromSeconds(expiry));
        });
        tokens.parse(token);
        tokens.parse(token);
        assertEquals(1, verifier.verifications.get());
        while (System.currentTimeMillis() / 1000 <= expiry) {
            Thread.sleep(100); // bounded: the token expires five seconds after it was made
        }
        assertThrows(ParseException.class, () -> tokens.parse(token));
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void sizeZeroVerifiesEveryTime() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 0, Duration.ofMinutes(5));
        String token = TestIssuer.token("uncached", List.of("user"));
        tokens.parse(token);
        tokens.parse(token);
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void anEntryLivesUntilTheTokensExpiryAndNoLongerThanTheBound() throws Exception {
        VerifiedTokens.UntilExpiry expiry = new VerifiedTokens.UntilExpiry(Duration.ofMinutes(5));
        long now = NumericDate.now().getValue();
        JsonWebToken soon = verifier.parse(TestIssuer.token(c -> {
            c.setSubject("soon");
            c.setExpirationTime(NumericDate.fromSeconds(now + 60));
        }));
        JsonWebToken late = verifier.parse(TestIssuer.token(c -> {
            c.setSubject("late");
            c.setExpirationTime(NumericDate.fromSeconds(now + 3600));
        }));
        long soonNanos = expiry.expireAfterCreate("a", soon, 0);
        assertTrue(soonNanos <= TimeUnit.SECONDS.toNanos(60) && soonNanos >= TimeUnit.SECONDS.toNanos(58), "" + soonNanos);
        assertEquals(TimeUnit.MINUTES.toNanos(5), expiry.expireAfterCreate("b", late, 0));
    }
}
