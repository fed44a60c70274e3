package dev.petmanager.user;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The token parser SmallRye JWT's authentication uses, remembering the tokens it has verified. Verifying a bearer
 * token (parsing its JSON, an RSA signature check, the claim checks) cost about as much CPU as the rest of a
 * {@code GET /pets/{id}} on SQLite, and a client sends the same token with every request until it expires.
 *
 * <p>Why a hit is as good as a verification: the key is the whole compact token, so a hit is the same header, claims
 * and signature bytes that passed; only verified tokens are remembered (a failure is never), and nothing in a token
 * changes. What a verification checks that depends on time is checked again: an entry ends at the token's
 * {@code exp} (without the clock skew the first verification allowed, so a hit never outlives what a verification
 * would accept) and at the latest after {@code pet-manager.auth.verified-tokens.ttl}. That bound is also how long a
 * verification key withdrawn by the provider is still honoured for tokens seen before; SmallRye JWT itself keeps a
 * provider's key set for its refresh interval (60 minutes by default), which is longer. The claims objects are
 * read-only, so requests may share them. {@code pet-manager.auth.verified-tokens.size=0} turns the cache off.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokens(DefaultJWTParser verifier,
            @ConfigProperty(name = "pet-manager.auth.verified-tokens.size", defaultValue = "2000") int size,
            @ConfigProperty(name = "pet-manager.auth.verified-tokens.ttl", defaultValue = "PT5M") Duration ttl) {
        this.verifier = verifier;
        this.verified = size <= 0 ? null
                : Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilExpiry(ttl)).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null) {
            return verifier.parse(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        verified.put(token, fresh);
        return fresh;
    }

    // What follows is not the request path's verification (explicit keys or settings): passed on, never remembered.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, java.security.PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, java.security.PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /** An entry lives until its token's {@code exp}, and no longer than the configured bound. */
    record UntilExpiry(Duration ttl) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long untilExp = TimeUnit.SECONDS.toNanos(jwt.getExpirationTime() - Instant.now().getEpochSecond());
            return Math.max(0, Math.min(untilExp, ttl.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
