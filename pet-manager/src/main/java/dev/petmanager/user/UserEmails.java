package dev.petmanager.user;

import java.time.Instant;
import java.util.List;

import dev.petmanager.api.problem.ApiProblem;
import dev.petmanager.storage.ConstraintFailure;

/**
 * Whether a user's e-mail address is free is the database's to say, in the statement that writes it, not a read before
 * every write (one round trip and one index probe fewer per write on PostgreSQL):
 * <ul>
 * <li>A new user is inserted only if no row holds the address ({@link #insertUnlessTaken}): one statement that checks
 * and inserts. Not the unique constraint's refusal alone: PostgreSQL takes the next id from the identity sequence
 * before it checks, and a sequence does not roll back, so every refused address would use up an id.
 * <li>A changed address is the unique constraint's: the update fails with 23505 (SQLite: a UNIQUE failure), and
 * {@link #refused} turns that into the 409 naming the holder.
 * </ul>
 * The holder is read only once the address was refused, to name them in the answer as reading first did.
 */
final class UserEmails {

    /** A row for {@code user} when no row holds its address; PostgreSQL and SQLite (3.35+) both return the new id. */
    private static final String INSERT_UNLESS_TAKEN = "INSERT INTO users (name, email, issuer, subject, created_at, version)"
            + " SELECT :name, :email, :issuer, :subject, :createdAt, 0"
            + " WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = :email)"
            + " RETURNING id";

    private UserEmails() {
    }

    /**
     * Inserts {@code user} (name, e-mail already normalized, issuer, subject, creation time), giving it its id and first
     * version, or throws the 409 naming the user who holds its e-mail address. Bound with the entity's Java types, so
     * values are stored as Hibernate stores them for the entity.
     */
    static void insertUnlessTaken(User user) {
        List<?> ids = User.getEntityManager().createNativeQuery(INSERT_UNLESS_TAKEN)
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("name", user.name, String.class)
                .setParameter("email", user.email, String.class)
                .setParameter("issuer", user.issuer, String.class)
                .setParameter("subject", user.subject, String.class)
                .setParameter("createdAt", user.createdAt, Instant.class)
                .getResultList();
        if (ids.isEmpty()) {
            throw taken(user.email);
        }
        user.id = ((Number) ids.get(0)).longValue();
        user.version = 0;
    }

    /**
     * The answer for a failed write of a user: when the unique constraint refused its e-mail address (an update, or an
     * insert that raced another replica's), the 409 naming the user who has it, read now, after the failed write
     * (PostgreSQL accepts nothing more in a transaction that broke a constraint); otherwise the failure itself.
     */
    static RuntimeException refused(RuntimeException failure, String email) {
        if (email == null || ConstraintFailure.in(failure)
                .filter(f -> f.kind() == ConstraintFailure.Kind.UNIQUE && f.where().contains("email"))
                .isEmpty()) {
            return failure;
        }
        return taken(User.normalizeEmail(email));
    }

    /** PostgreSQL names the constraint ({@code uq_users_email}), SQLite the column ({@code users.email}). */
    private static ApiProblem taken(String email) {
        return ApiProblem.conflict(User.findByEmail(email)
                .map(other -> "the e-mail address " + email + " is already used by user " + other.id)
                .orElse("the e-mail address " + email + " is already used by another user"));
    }
}
