package dev.petmanager.user;

/**
 * What other parts of the service keep per user (pets, so far), so that deleting a user can refuse or cascade
 * without this package knowing those parts: they depend on users, never the other way round. Called inside the
 * deleting write, in the write transaction.
 */
public interface OwnedResources {

    /** What the owned things are called in a 409's detail, e.g. "pet(s)". */
    String noun();

    long countOwnedBy(User owner);

    void deleteOwnedBy(User owner);

    /**
     * Deletes what user {@code ownerId} owns if {@code who} reaches that user (an admin any, a user their own), without
     * reading the user first; for a database without a second-level cache.
     */
    void deleteOwnedBy(long ownerId, CallerIdentity who);
}
