package dev.petmanager.user;

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

/**
 * A user's update and deletion as one statement each, which the database both checks and performs (as
 * {@code pet/PetRows} does for pets): the row (by id, or by the token's issuer and subject for {@code PUT /me}), the
 * version the client expects and, for a user, that the row is their own are conditions of the statement, the unique
 * e-mail address is the constraint's ({@link UserEmails#refused}) and the pets still owned are the foreign key's; the
 * row count says whether it happened, and the callers read only when it did not, to answer as reading first did.
 * <p>
 * Only where there is no second-level cache ({@link #cached}): the statements bypass Hibernate's entity updates.
 */
final class UserRows {

    /**
     * The columns a client sets through {@link UserInput}, each with the field it comes from; the e-mail address is
     * stored normalized. {@code PetRowsMappingTest} fails when a column Hibernate maps for {@link User} is neither here
     * nor {@link #SERVER_OWNED}.
     */
    static final List<Column> COLUMNS = List.of(
            new Column("name", "name", UserInput::name),
            new Column("email", "email", in -> User.normalizeEmail(in.email())));

    /** The columns of the user's row that only the server sets. */
    static final List<String> SERVER_OWNED = List.of("id", "issuer", "subject", "created_at", "version");

    /** One column a client sets: its name and the {@link UserInput} field it takes its (text) value from. */
    record Column(String name, String field, Function<UserInput, String> value) {
    }

    /** Which row a statement is for: {@code PUT /users/{id}} names the id, {@code PUT /me} the caller's token. */
    sealed interface Row permits ById, OfCaller {
    }

    /** User {@code id}, if {@code who} reaches it (an admin every row, a user their own). */
    record ById(long id, CallerIdentity who) implements Row {
    }

    /** The row tied to {@code who}'s issuer and subject. */
    record OfCaller(CallerIdentity who) implements Row {
    }

    private UserRows() {
    }

    /** Whether users are in Hibernate's second-level cache (SQLite); then the callers read first (see PetRows). */
    static boolean cached() {
        return persister(session()).getCacheAccessStrategy() != null;
    }

    /**
     * Sets only the columns of {@code fields} (names of {@link UserInput}'s fields) to {@code input}'s values, if the
     * row is at {@code expectedVersion} (any version when null). The version is raised only when a value changed, as
     * Hibernate's dirty checking does. Returns the row as stored, or empty when no row matched.
     */
    static Optional<User> update(Row row, UserInput input, Set<String> fields, Long expectedVersion) {
        List<Column> set = COLUMNS.stream().filter(column -> fields.contains(column.field())).toList();
        if (set.isEmpty()) {
            throw new IllegalArgumentException("no column to set among " + fields);
        }
        String assignments = set.stream().map(c -> c.name() + " = :" + c.field()).collect(Collectors.joining(", "));
        String changed = set.stream().map(c -> c.name() + " IS DISTINCT FROM :" + c.field())
                .collect(Collectors.joining(" OR "));
        String sql = "UPDATE users SET " + assignments + ", version = version + CASE WHEN " + changed
                + " THEN 1 ELSE 0 END WHERE " + condition(row)
                + (expectedVersion == null ? "" : " AND version = :version") + " RETURNING *";
        NativeQuery<User> update = statement(row, sql).addEntity(User.class);
        for (Column column : set) {
            update.setParameter(column.field(), column.value().apply(input), String.class);
        }
        if (expectedVersion != null) {
            update.setParameter("version", expectedVersion, Long.class);
        }
        List<User> rows = update.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Replaces every column a client sets, as {@link #update} does. */
    static Optional<User> replace(Row row, UserInput input, Long expectedVersion) {
        return update(row, input, COLUMNS.stream().map(Column::field).collect(Collectors.toSet()), expectedVersion);
    }

    /**
     * Deletes the row, if there is one; whether a row was deleted. A row that still owns something is the foreign
     * key's to refuse (SQLSTATE 23503), which the caller answers with what it owns.
     */
    static boolean delete(ById row) {
        return !statement(row, "DELETE FROM users WHERE " + condition(row) + " RETURNING id").getResultList().isEmpty();
    }

    private static String condition(Row row) {
        if (row instanceof ById byId) {
            return "id = :id" + (byId.who().admin() ? "" : " AND issuer = :issuer AND subject = :subject");
        }
        return "issuer = :issuer AND subject = :subject";
    }

    @SuppressWarnings("unchecked")
    private static NativeQuery<User> statement(Row row, String sql) {
        SessionImplementor session = session();
        // a result is a query's, not a load's: nothing of it goes into the second-level cache
        NativeQuery<User> query = session.createNativeQuery(sql).setCacheMode(CacheMode.IGNORE);
        CallerIdentity who;
        if (row instanceof ById byId) {
            detach(session, byId.id());
            query.setParameter("id", byId.id(), Long.class);
            who = byId.who().admin() ? null : byId.who();
        } else {
            who = ((OfCaller) row).who();
            detachCallers(session, who);
        }
        if (who != null) {
            query.setParameter("issuer", who.issuer(), String.class).setParameter("subject", who.subject(), String.class);
        }
        return query;
    }

    /** A copy an earlier write of the same group commit read would be stale (or deleted) after the statement. */
    private static void detach(SessionImplementor session, long id) {
        EntityKey key = session.generateEntityKey(id, persister(session));
        Object managed = session.getPersistenceContextInternal().getEntity(key);
        if (managed != null) {
            session.detach(managed);
        }
    }

    /** The same for the caller's row, whose id is not known: any managed user tied to {@code who}'s token. */
    private static void detachCallers(SessionImplementor session, CallerIdentity who) {
        List<Object> managed = java.util.Arrays.stream(session.getPersistenceContextInternal().reentrantSafeEntityEntries())
                .map(java.util.Map.Entry::getKey)
                .filter(entity -> entity instanceof User user && who.isSelf(user))
                .toList();
        managed.forEach(session::detach);
    }

    private static SessionImplementor session() {
        return User.getEntityManager().unwrap(SessionImplementor.class);
    }

    private static EntityPersister persister(SessionImplementor session) {
        return session.getFactory().getMappingMetamodel().getEntityDescriptor(User.class);
    }
}
