package dev.petmanager.user;

/**
 * Who sent a request, as the verified token says: the issuer and subject that tie it to one user row, and whether it
 * holds the admin role. Immutable, so that a write running on another thread (the SQLite writer) can decide access
 * with it after the request's context is gone.
 */
public record CallerIdentity(String issuer, String subject, boolean admin) {

    /** Whether this caller may see and change what {@code user} owns: an admin may, a user only their own. */
    public boolean mayAccess(User user) {
        return admin || isSelf(user);
    }

    /** Whether {@code user} is this caller's own profile. */
    public boolean isSelf(User user) {
        return user != null && subject.equals(user.subject) && issuer.equals(user.issuer);
    }
}
