package dev.petmanager.user;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The principal of the current request, read from its verified bearer token. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The caller as a value that outlives the request (the resource endpoints are all authenticated). */
    public CallerIdentity identity() {
        return new CallerIdentity(token.getIssuer(), token.getSubject(), identity.hasRole(Roles.ADMIN));
    }
}
