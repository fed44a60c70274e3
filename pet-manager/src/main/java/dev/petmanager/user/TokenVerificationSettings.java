package dev.petmanager.user;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * Checks at start that tokens are verified completely. SmallRye JWT checks the issuer only when one is configured,
 * so a key without {@code mp.jwt.verify.issuer} would accept any issuer that key signs for: the service refuses to
 * start then. Without any key every token fails and every API request is a 401, which is safe; that is logged.
 */
@Startup
@Singleton
public class TokenVerificationSettings {

    private static final Logger LOG = Logger.getLogger(TokenVerificationSettings.class);

    public TokenVerificationSettings(
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        boolean hasKey = keyLocation.filter(v -> !v.isBlank()).isPresent() || key.filter(v -> !v.isBlank()).isPresent();
        if (hasKey && issuer.filter(v -> !v.isBlank()).isEmpty()) {
            throw new IllegalStateException("authentication: a token verification key is configured without its"
                    + " issuer; set MP_JWT_VERIFY_ISSUER to the identity provider's issuer");
        }
        if (!hasKey) {
            LOG.warn("No token verification key is configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION: the identity"
                    + " provider's JWKS URL or a PEM file): every API request is refused with 401");
        }
    }
}
