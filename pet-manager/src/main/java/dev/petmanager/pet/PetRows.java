package dev.petmanager.pet;

import java.util.List;
import java.util.Optional;

import org.hibernate.CacheMode;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.NativeQuery;

import dev.petmanager.user.CallerIdentity;

/**
 * A pet's replacement and deletion as one statement each, which the database both checks and performs: the row's id,
 * the version the client expects and, for a user, that the row is theirs are conditions of the {@code UPDATE} or
 * {@code DELETE}, so the row count says whether it happened. No read before (on PostgreSQL one round trip instead of
 * two); the caller reads only when nothing happened, to tell a missing row (404) from a stale version (409).
 * <p>
 * The statements bypass Hibernate's entity updates: a managed copy of the row (read by an earlier write of the same
 * group commit) is detached first, and they are used only where there is no second-level cache ({@link #cached}).
 */
final class PetRows {

    /** A user reaches only rows of their own, whose owner is the user row tied to the token's issuer and subject. */
    private static final String CALLERS_OWN = " AND owner_id IN (SELECT id FROM users WHERE issuer = :issuer AND subject = :subject)";

    private PetRows() {
    }

    /**
     * Whether pets are in Hibernate's second-level cache (SQLite; PostgreSQL's replicas share the database and cache
     * nothing). Then a read before a write is a lookup in memory, not a round trip, and these statements, which bypass
     * Hibernate's entity updates, would leave the cached copy stale: the callers read first and let Hibernate update.
     */
    static boolean cached() {
        return Pet.getEntityManager().unwrap(SessionImplementor.class).getFactory().getMappingMetamodel()
                .getEntityDescriptor(Pet.class).getCacheAccessStrategy() != null;
    }

    /**
     * Replaces pet {@code id}'s fields with {@code input}'s (its owner {@code ownerId}, checked by the caller and the
     * foreign key) and raises its version, if it is at {@code expectedVersion} (any version when null) and reachable
     * by {@code who}. Returns the row as stored (PostgreSQL and SQLite 3.35+ both return it), or empty when no row
     * matched.
     */
    static Optional<Pet> replace(long id, PetInput input, long ownerId, Long expectedVersion, CallerIdentity who) {
        String sql = "UPDATE pets SET name = :name, species = :species, birth_date = :birthDate,"
                + " weight_grams = :weightGrams, owner_id = :ownerId, version = version + 1"
                + " WHERE id = :id" + (expectedVersion == null ? "" : " AND version = :version")
                + (who.admin() ? "" : CALLERS_OWN) + " RETURNING *";
        NativeQuery<Pet> update = statement(id, sql, who).addEntity(Pet.class);
        update.setParameter("name", input.name(), String.class)
                .setParameter("species", input.species().name(), String.class)
                .setParameter("birthDate", input.birthDate() == null ? null : input.birthDate().toString(), String.class)
                .setParameter("weightGrams", input.weightGrams(), Integer.class)
                .setParameter("ownerId", ownerId, Long.class);
        if (expectedVersion != null) {
            update.setParameter("version", expectedVersion, Long.class);
        }
        List<Pet> rows = update.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Deletes pet {@code id} if {@code who} reaches it; whether a row was deleted. */
    static boolean delete(long id, CallerIdentity who) {
        String sql = "DELETE FROM pets WHERE id = :id" + (who.admin() ? "" : CALLERS_OWN) + " RETURNING id";
        return !statement(id, sql, who).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static NativeQuery<Pet> statement(long id, String sql, CallerIdentity who) {
        SessionImplementor session = Pet.getEntityManager().unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Pet.class);
        detach(session, persister, id);
        // a result is a query's, not a load's: nothing of it goes into the second-level cache
        NativeQuery<Pet> query = session.createNativeQuery(sql).setCacheMode(CacheMode.IGNORE);
        query.setParameter("id", id, Long.class);
        if (!who.admin()) {
            query.setParameter("issuer", who.issuer(), String.class).setParameter("subject", who.subject(), String.class);
        }
        return query;
    }

    /** A copy an earlier write of the same group commit read would be stale (or deleted) after the statement. */
    private static void detach(SessionImplementor session, EntityPersister persister, long id) {
        EntityKey key = session.generateEntityKey(id, persister);
        Object managed = session.getPersistenceContextInternal().getEntity(key);
        if (managed != null) {
            session.detach(managed);
        }
    }
}
