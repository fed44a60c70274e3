package dev.petmanager.user;

/**
 * The roles the API knows. A token's roles come from the claim {@code smallrye.jwt.path.groups} names ({@code groups}
 * unless configured, e.g. {@code realm_access/roles} for Keycloak); a provider's own role names map onto these with
 * {@code quarkus.http.auth.roles-mapping."<theirs>"=admin}. Any authenticated caller is a user.
 */
public final class Roles {

    /** Sees and changes every user and pet. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
