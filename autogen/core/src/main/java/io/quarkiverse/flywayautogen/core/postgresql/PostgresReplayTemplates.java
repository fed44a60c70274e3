package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.ReplaySnapshots;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots as template databases on the shadow server, {@code autogen_rc_<key>}, which the extension owns and
 * drops. A snapshot is made under a temporary name ({@code autogen_rcnew_<time>_<random>}) and renamed when whole,
 * so another session never sees half of one, and two sessions saving the same state keep one. Templates do not allow
 * connections ({@code ALLOW_CONNECTIONS false}): {@code CREATE DATABASE ... TEMPLATE} needs nobody on the template,
 * and nobody can change a snapshot by connecting to it. The last use is the database's comment. {@link #open} takes a
 * {@link SpareCopies spare copy} made ahead of time when there is one, and copies the template otherwise.
 */
final class PostgresReplayTemplates implements ReplaySnapshots {

    static final String PREFIX = "autogen_rc_";
    private static final String NEW_PREFIX = "autogen_rcnew_";
    /** A temporary name older than this belongs to a session that died while saving. */
    private static final long ABANDONED_MILLIS = 3_600_000;
    /** SQLSTATE 42P04: a database of that name exists. */
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShadowServer server;

    PostgresReplayTemplates(ShadowServer server) {
        this.server = server;
    }

    @Override
    public List<Snapshot> list() {
        List<Snapshot> snapshots = new ArrayList<>();
        String sql = "SELECT datname, shobj_description(oid, 'pg_database'), pg_database_size(oid) FROM pg_database"
                + " WHERE datname LIKE 'autogen\\_rc\\_%' AND datname NOT LIKE 'autogen\\_rc\\_spare\\_%'";
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                snapshots.add(new Snapshot(rs.getString(1).substring(PREFIX.length()), lastUsed(rs.getString(2)), rs.getLong(3)));
            }
        } catch (SQLException e) {
            return List.of(); // a snapshot dropped during the size query: no cache this time
        }
        return snapshots;
    }

    @Override
    public Optional<ScratchDatabase> open(String key, String purpose) {
        try {
            Optional<PostgresShadowDatabase> spare = SpareCopies.take(server, key, purpose);
            PostgresShadowDatabase copy = spare.isPresent() ? spare.get()
                    : PostgresShadowDatabase.fromTemplate(server, purpose, PREFIX + key);
            admin("COMMENT ON DATABASE " + PostgresDdl.q(PREFIX + key) + " IS '" + System.currentTimeMillis() + "'");
            return Optional.of(copy);
        } catch (AutogenException | SQLException e) {
            return Optional.empty(); // dropped by another session meanwhile
        }
    }

    @Override
    public void save(ScratchDatabase database, String key) {
        String source = ((PostgresShadowDatabase) database).name();
        String temporary = NEW_PREFIX + Long.toString(System.currentTimeMillis(), 36) + "_"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        dropAbandoned();
        try {
            try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + PostgresDdl.q(temporary) + PostgresShadowDatabase.copyOf(c, source));
            }
            admin("ALTER DATABASE " + PostgresDdl.q(temporary) + " ALLOW_CONNECTIONS false");
            admin("COMMENT ON DATABASE " + PostgresDdl.q(temporary) + " IS '" + System.currentTimeMillis() + "'");
            admin("ALTER DATABASE " + PostgresDdl.q(temporary) + " RENAME TO " + PostgresDdl.q(PREFIX + key));
        } catch (SQLException e) {
            dropQuietly(temporary);
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // else another session saved the same state first
                throw new AutogenException("cannot save replay template " + PREFIX + key + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String location() {
        return server.adminUrl() + " " + server.user();
    }

    @Override
    public void delete(String key) {
        SpareCopies.delete(server, key);
        dropQuietly(PREFIX + key);
    }

    @Override
    public void prepare(ScratchDatabase inUse, List<String> keys) {
        if (inUse instanceof PostgresShadowDatabase db) {
            db.afterClose(() -> SpareCopies.prepare(server, keys));
        } else {
            SpareCopies.prepare(server, keys);
        }
    }

    private void dropAbandoned() {
        List<String> abandoned = new ArrayList<>();
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'autogen\\_rcnew\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).substring(NEW_PREFIX.length()).split("_");
                try {
                    if (System.currentTimeMillis() - Long.parseLong(parts[0], 36) > ABANDONED_MILLIS) {
                        abandoned.add(rs.getString(1));
                    }
                } catch (NumberFormatException notOurs) {
                    // not a name this class made
                }
            }
        } catch (SQLException e) {
            return;
        }
        abandoned.forEach(this::dropQuietly);
        SpareCopies.dropOrphans(server);
    }

    private void dropQuietly(String name) {
        try {
            admin("DROP DATABASE IF EXISTS " + PostgresDdl.q(name) + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // an autovacuum worker on it, or another session dropping it: a later run evicts it
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long lastUsed(String comment) {
        try {
            return comment == null ? 0 : Long.parseLong(comment.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
