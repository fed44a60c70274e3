package dev.petmanager.user;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which user row a token's issuer and subject own, remembered once read, so that a user's write to their own things
 * needs no read of their user row (PostgreSQL has no second-level cache: replicas share the database). The mapping
 * can only be trusted one way: a subject's row keeps its id for as long as it exists, and ids are never handed out
 * again (an identity column on PostgreSQL, AUTOINCREMENT on SQLite), so a remembered id that matches is the caller's
 * own or a deleted row — which the foreign key then refuses, and {@link #forget} drops. An id that does not match is
 * read again: the profile may have been deleted and created anew, under a new id.
 */
@ApplicationScoped
public class SubjectUserIds {

    /** Enough for every active user of one replica; past it the map starts over rather than grow without bound. */
    private static final int MAX_REMEMBERED = 100_000;

    private record Subject(String issuer, String subject) {
    }

    private final Map<Subject, Long> ids = new ConcurrentHashMap<>();

    /** Whether {@code userId} is the caller's own user row (as far as it exists: see the class comment). */
    public boolean isOwn(CallerIdentity who, Long userId) {
        if (userId == null) {
            return false;
        }
        Subject subject = new Subject(who.issuer(), who.subject());
        if (userId.equals(ids.get(subject))) {
            return true;
        }
        Long current = User.findBySubject(who.issuer(), who.subject()).map(user -> user.id).orElse(null);
        if (current == null) {
            ids.remove(subject);
            return false;
        }
        if (ids.size() >= MAX_REMEMBERED) {
            ids.clear();
        }
        ids.put(subject, current);
        return userId.equals(current);
    }

    /** The caller's row turned out to be gone (a foreign key refused it). */
    public void forget(CallerIdentity who) {
        ids.remove(new Subject(who.issuer(), who.subject()));
    }
}
