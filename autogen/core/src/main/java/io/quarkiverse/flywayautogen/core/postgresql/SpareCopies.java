package io.quarkiverse.flywayautogen.core.postgresql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies of replay templates made ahead of time, {@code autogen_rc_spare_<key>}, so that a warm comparison renames
 * a ready copy instead of waiting for {@code CREATE DATABASE ... TEMPLATE}: on a 1,000-table snapshot that copy took
 * 3-4 s right after a comparison, most of it the checkpoint with which {@code FILE_COPY} starts, which flushes what
 * that comparison had just written. Made in the background after a comparison, while the developer edits.
 * <p>
 * Sound because a spare is a copy of a template, and a template is the immutable state its key names (nobody may
 * connect to either). A spare is built under a temporary name ({@code autogen_rcnew_...}, which the templates' clean-up
 * drops when abandoned) and renamed when whole, so it is never seen half-made; its comment is the oid of the template
 * it copies, and it is taken only while that same template still exists: a spare of a template that was dropped,
 * replaced or damaged is dropped, never used. Deleting a template deletes its spare. Bounded: this JVM keeps at most
 * one spare per key the cache just kept (two per server), replaces them when the kept keys change, and drops them
 * when it exits; a spare whose template is gone (another JVM's, left by a crash) is dropped by the next save.
 */
public final class SpareCopies {

    static final String PREFIX = PostgresReplayTemplates.PREFIX + "spare_";
    private static final String NEW_PREFIX = "autogen_rcnew_";
    /** A comparison waits at most this long for a spare in the making before it copies the template itself. */
    private static final long WAIT_MILLIS = 30_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ExecutorService MAKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flyway-autogen-spare-copy");
        t.setDaemon(true);
        return t;
    });
    /** This JVM's spares (made or in the making), by server and key. */
    private static final Map<String, Spare> MADE = new ConcurrentHashMap<>();
    private static volatile String lastTake = "none";
    /** The statement the maker runs now, so that exit can cancel a copy instead of waiting for it. */
    private static volatile Statement running;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SpareCopies::dropAllOfThisJvm, "flyway-autogen-spare-drop"));
    }

    private SpareCopies() {
    }

    private record Spare(ShadowServer server, String key, Future<?> making) {
    }

    /**
     * How the last comparison in this JVM came by its replay database: {@code "none"} (no spare: a copy of the
     * template), or a spare, ready or after waiting for it (the benchmark prints it, so that "warm" is honest).
     */
    public static String lastTake() {
        return lastTake;
    }

    /**
     * Waits (at most {@code maxMillis}) until the spares this JVM is making are whole; how long it waited. For the
     * benchmark, which stands for the developer's editing between two reloads, and says that it waited.
     */
    public static long awaitReady(long maxMillis) {
        long start = System.nanoTime();
        for (Spare spare : List.copyOf(MADE.values())) {
            long left = maxMillis - (System.nanoTime() - start) / 1_000_000;
            try {
                spare.making().get(Math.max(left, 0), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                // not whole in time: the warm run copies the template then, and its time shows it
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Starts making spares of {@code keys} in the background, and drops this JVM's spares of other keys on the server. */
    static void prepare(ShadowServer server, List<String> keys) {
        String serverId = serverId(server);
        for (Map.Entry<String, Spare> entry : List.copyOf(MADE.entrySet())) {
            if (entry.getKey().startsWith(serverId) && !keys.contains(entry.getValue().key())
                    && MADE.remove(entry.getKey(), entry.getValue())) {
                MAKER.submit(() -> dropQuietly(server, PREFIX + entry.getValue().key()));
            }
        }
        for (String key : keys) {
            MADE.computeIfAbsent(serverId + key, k -> new Spare(server, key, MAKER.submit(() -> make(server, key))));
        }
    }

    /**
     * The spare of {@code key} renamed to a new shadow database, when one is ready or in the making here and its
     * template is still the one it copied; else empty, and the caller copies the template.
     */
    static Optional<PostgresShadowDatabase> take(ShadowServer server, String key, String purpose) {
        long start = System.nanoTime();
        Spare making = MADE.remove(serverId(server) + key);
        boolean waited = making != null && !making.making().isDone();
        if (making != null) {
            awaitQuietly(making.making());
        }
        long waitMillis = (System.nanoTime() - start) / 1_000_000;
        String spare = PREFIX + key;
        Optional<Long> copied = commentOid(server, spare);
        if (copied.isEmpty()) {
            lastTake = "none";
            return Optional.empty();
        }
        if (!copied.equals(templateOid(server, PostgresReplayTemplates.PREFIX + key))) {
            dropQuietly(server, spare); // its template was dropped or replaced since: never used
            lastTake = "none";
            return Optional.empty();
        }
        Optional<PostgresShadowDatabase> taken = PostgresShadowDatabase.renamedFrom(server, purpose, spare);
        lastTake = taken.isEmpty() ? "none" : waited ? "spare copy, waited " + waitMillis + " ms for it" : "spare copy, ready";
        return taken;
    }

    /** Drops the spare of {@code key}, after waiting for one this JVM is making. */
    static void delete(ShadowServer server, String key) {
        Spare making = MADE.remove(serverId(server) + key);
        if (making != null) {
            awaitQuietly(making.making());
        }
        dropQuietly(server, PREFIX + key);
    }

    /** Spares whose template is gone: no comparison can take them. */
    static void dropOrphans(ShadowServer server) {
        List<String> orphans = new ArrayList<>();
        String sql = "SELECT s.datname FROM pg_database s WHERE s.datname LIKE 'autogen\\_rc\\_spare\\_%' AND NOT EXISTS"
                + " (SELECT 1 FROM pg_database t WHERE t.datname = 'autogen_rc_' || substr(s.datname, " + (PREFIX.length() + 1) + "))";
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                orphans.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return;
        }
        orphans.forEach(name -> dropQuietly(server, name));
    }

    private static void make(ShadowServer server, String key) {
        String template = PostgresReplayTemplates.PREFIX + key;
        String spare = PREFIX + key;
        String temporary = NEW_PREFIX + Long.toString(System.currentTimeMillis(), 36) + "_"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            running = st;
            if (commentOid(server, spare).isPresent()) {
                return; // made by an earlier run of this JVM, or by another: take checks its template
            }
            Optional<Long> oid = templateOid(server, template);
            if (oid.isEmpty()) {
                return;
            }
            st.execute("CREATE DATABASE " + PostgresDdl.q(temporary) + PostgresShadowDatabase.copyOf(c, template));
            st.execute("ALTER DATABASE " + PostgresDdl.q(temporary) + " ALLOW_CONNECTIONS false");
            st.execute("COMMENT ON DATABASE " + PostgresDdl.q(temporary) + " IS '" + oid.get() + "'");
            st.execute("ALTER DATABASE " + PostgresDdl.q(temporary) + " RENAME TO " + PostgresDdl.q(spare));
        } catch (SQLException | RuntimeException e) {
            dropQuietly(server, temporary); // a failed or cancelled spare is not left half-made
        } finally {
            running = null;
        }
    }

    private static Optional<Long> templateOid(ShadowServer server, String name) {
        return query(server, "SELECT oid FROM pg_database WHERE datname = ?", name)
                .flatMap(SpareCopies::parse);
    }

    private static Optional<Long> commentOid(ShadowServer server, String name) {
        return query(server, "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = ?", name)
                .flatMap(SpareCopies::parse);
    }

    private static Optional<String> query(ShadowServer server, String sql, String name) {
        try (Connection c = server.connectAdmin(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a spare this class made
        }
    }

    private static void awaitQuietly(Future<?> making) {
        try {
            making.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // no spare then: the template is copied as before
        }
    }

    private static void dropQuietly(ShadowServer server, String name) {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + PostgresDdl.q(name) + " WITH (FORCE)");
        } catch (SQLException | RuntimeException ignored) {
            // the next save's orphan clean-up, or the temporary names' one, gets it
        }
    }

    private static String serverId(ShadowServer server) {
        return server.adminUrl() + " " + server.user() + " ";
    }

    /**
     * At exit: a CLI run or test JVM leaves no spare behind, and does not wait for one: a copy in the making is
     * cancelled (PostgreSQL removes what a cancelled {@code CREATE DATABASE} wrote) and its temporary name dropped.
     */
    private static void dropAllOfThisJvm() {
        MAKER.shutdownNow();
        Statement st = running;
        if (st != null) {
            try {
                st.cancel();
            } catch (SQLException ignored) {
                // it ended meanwhile
            }
        }
        try {
            MAKER.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Spare spare : MADE.values()) {
            dropQuietly(spare.server(), PREFIX + spare.key());
        }
    }
}
