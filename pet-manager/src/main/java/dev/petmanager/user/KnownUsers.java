package dev.petmanager.user;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which user rows exist and whose token they belong to, remembered once read, so that a write (or read) of a pet needs
 * no read of its owner's row (PostgreSQL has no second-level cache: replicas share the database). What is remembered
 * never changes while the row exists: ids are never handed out again (an identity column on PostgreSQL, AUTOINCREMENT
 * on SQLite) and a row's issuer and subject are set once, when it is created. A row deleted by this process is
 * forgotten here; one deleted by another replica is still remembered, and the foreign key refuses a pet for it, after
 * which the caller {@link #forget}s it.
 */
@ApplicationScoped
public class KnownUsers {

    /** Enough for every active user of one replica; past it the map starts over rather than grow without bound. */
    private static final int MAX_REMEMBERED = 100_000;

    /** The token identity a user row is tied to; both null for a row an admin created. */
    public record Known(long id, String issuer, String subject) {

        /** Whether this is {@code who}'s own row. */
        public boolean belongsTo(CallerIdentity who) {
            return who.subject().equals(subject) && who.issuer().equals(issuer);
        }

        /** As {@link CallerIdentity#mayAccess}: an admin reaches every user's things, a user only their own. */
        public boolean accessibleTo(CallerIdentity who) {
            return who.admin() || belongsTo(who);
        }
    }

    private final Map<Long, Known> users = new ConcurrentHashMap<>();

    /** User {@code id}, as remembered or read now; empty when there is no such row. */
    public Optional<Known> find(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        Known known = users.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Known> read = User.<User> findByIdOptional(id).map(user -> new Known(user.id, user.issuer, user.subject));
        read.ifPresent(user -> {
            if (users.size() >= MAX_REMEMBERED) {
                users.clear();
            }
            users.put(id, user);
        });
        return read;
    }

    /** User {@code id} was deleted (here, or by another replica as a foreign key just said). */
    public void forget(Long id) {
        users.remove(id);
    }
}
