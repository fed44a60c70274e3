package dev.petmanager.user;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;

/**
 * The principal of the current request, read from its verified bearer token. A singleton rather than a bean per
 * request: it keeps nothing of its own, and the injected identity is the current request's (a client proxy), whose
 * principal is the verified token itself. So a request creates neither this bean nor the {@code JsonWebToken} bean
 * SmallRye JWT would produce for it (measured on {@code GET /pets/{id}}: bench/README.md).
 */
@Singleton
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller as a value that outlives the request (the resource endpoints are all authenticated). */
    public CallerIdentity identity() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            // only SmallRye JWT authenticates this API; anything else is no one this service knows
            throw new IllegalStateException("the request's principal is not a verified bearer token");
        }
        return new CallerIdentity(token.getIssuer(), token.getSubject(), identity.hasRole(Roles.ADMIN));
    }
}
