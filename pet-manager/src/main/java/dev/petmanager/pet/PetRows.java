package dev.petmanager.pet;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
     * The columns a client sets through {@link PetInput}, each with the input field it comes from, bound as Hibernate
     * stores the entity's attribute (the birth date as ISO text, {@link dev.petmanager.storage.IsoLocalDateConverter}).
     * {@code PetRowsMappingTest} fails when a column Hibernate maps for {@link Pet} is neither here nor server-owned,
     * so a field added to the entity cannot be silently left out of these statements.
     */
    static final List<Column> COLUMNS = List.of(
            new Column("name", "name", String.class, PetInput::name),
            new Column("species", "species", String.class, in -> in.species() == null ? null : in.species().name()),
            new Column("birth_date", "birthDate", String.class,
                    in -> in.birthDate() == null ? null : in.birthDate().toString()),
            new Column("weight_grams", "weightGrams", Integer.class, PetInput::weightGrams),
            new Column("owner_id", "ownerId", Long.class, PetInput::ownerId));

    /** The columns of the pet's row that only the server sets (the id, the creation time and the version). */
    static final List<String> SERVER_OWNED = List.of("id", "created_at", "version");

    /** One column a client sets: its name, the {@link PetInput} field it takes its value from, and how it is bound. */
    record Column(String name, String field, Class<?> type, Function<PetInput, Object> value) {
    }

    /**
     * Replaces pet {@code id}'s fields with {@code input}'s (its owner checked by the caller and the foreign key), if
     * it is at {@code expectedVersion} (any version when null) and reachable by {@code who}. Returns the row as stored
     * (PostgreSQL and SQLite 3.35+ both return it), or empty when no row matched.
     */
    static Optional<Pet> replace(long id, PetInput input, Long expectedVersion, CallerIdentity who) {
        return update(id, input, COLUMNS.stream().map(Column::field).collect(Collectors.toSet()), expectedVersion, who);
    }

    /**
     * Sets only the columns of {@code fields} (names of {@link PetInput}'s fields) to {@code input}'s values, under the
     * conditions of {@link #replace}. The version is raised only when a value changed, as Hibernate's dirty checking
     * does: an update that changes nothing leaves the row as it was.
     */
    static Optional<Pet> update(long id, PetInput input, Set<String> fields, Long expectedVersion, CallerIdentity who) {
        List<Column> set = COLUMNS.stream().filter(column -> fields.contains(column.field())).toList();
        if (set.isEmpty()) {
            throw new IllegalArgumentException("no column to set among " + fields);
        }
        String assignments = set.stream().map(c -> c.name() + " = :" + c.field()).collect(Collectors.joining(", "));
        String changed = set.stream().map(c -> c.name() + " IS DISTINCT FROM :" + c.field())
                .collect(Collectors.joining(" OR "));
        String sql = "UPDATE pets SET " + assignments + ", version = version + CASE WHEN " + changed + " THEN 1 ELSE 0 END"
                + " WHERE id = :id" + (expectedVersion == null ? "" : " AND version = :version")
                + (who.admin() ? "" : CALLERS_OWN) + " RETURNING *";
        NativeQuery<Pet> update = statement(id, sql, who).addEntity(Pet.class);
        for (Column column : set) {
            bind(update, column, input);
        }
        if (expectedVersion != null) {
            update.setParameter("version", expectedVersion, Long.class);
        }
        List<Pet> rows = update.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @SuppressWarnings("unchecked")
    private static void bind(NativeQuery<Pet> query, Column column, PetInput input) {
        query.setParameter(column.field(), column.value().apply(input), (Class<Object>) column.type());
    }

    /** Deletes pet {@code id} if {@code who} reaches it; whether a row was deleted. */
    static boolean delete(long id, CallerIdentity who) {
        String sql = "DELETE FROM pets WHERE id = :id" + (who.admin() ? "" : CALLERS_OWN) + " RETURNING id";
        return !statement(id, sql, who).getResultList().isEmpty();
    }

    /**
     * Deletes the pets of user {@code ownerId} if {@code who} reaches that user (an admin any, a user their own row).
     * Managed copies in the session are left alone, as the bulk delete of the read-first path leaves them ({@link
     * PetsOfOwner}); the statements here detach a pet's copy before they touch the row.
     */
    static void deleteOwnedBy(long ownerId, CallerIdentity who) {
        String sql = "DELETE FROM pets WHERE owner_id = :ownerId"
                + (who.admin() ? "" : " AND owner_id IN (SELECT id FROM users WHERE id = :ownerId AND issuer = :issuer AND subject = :subject)");
        var delete = Pet.getEntityManager().unwrap(SessionImplementor.class).createNativeMutationQuery(sql)
                .setParameter("ownerId", ownerId, Long.class);
        if (!who.admin()) {
            delete.setParameter("issuer", who.issuer(), String.class).setParameter("subject", who.subject(), String.class);
        }
        delete.executeUpdate();
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
