package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.ShadowDatabaseSlot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;

/**
 * A throw-away database on the shadow server ({@code autogen_<purpose>_<random>}), dropped on close with
 * {@code WITH (FORCE)} so a connection left open by a failed check cannot keep it alive. Copies are made with
 * {@code CREATE DATABASE ... TEMPLATE}, which PostgreSQL allows while nobody is connected to the template.
 */
public final class PostgresShadowDatabase implements ScratchDatabase {

    /** PostgreSQL's limit on an identifier (NAMEDATALEN - 1): a longer database name would be truncated. */
    private static final int MAX_NAME = 63;
    /** SQLSTATE 42501, insufficient_privilege: what CREATE DATABASE answers a role without CREATEDB. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final ShadowServer server;
    private final ShadowDatabaseSlot slot;
    private final List<Runnable> afterClose = new CopyOnWriteArrayList<>();

    private PostgresShadowDatabase(ShadowServer server, ShadowDatabaseSlot slot) {
        this.server = server;
        this.slot = slot;
    }

    public static PostgresShadowDatabase create(ShadowServer server, String purpose) {
        return createFrom(server, purpose, null);
    }

    /** A copy of {@code template}, a database on the server nobody is connected to (a replay snapshot). */
    static PostgresShadowDatabase fromTemplate(ShadowServer server, String purpose, String template) {
        return createFrom(server, purpose, template);
    }

    /**
     * The database {@code existing} (a spare copy of a snapshot, {@link SpareCopies}, nobody may connect to) under a
     * new shadow database's name, open to connections; empty when it is gone (another session took it first).
     */
    static Optional<PostgresShadowDatabase> renamedFrom(ShadowServer server, String purpose, String existing) {
        ShadowDatabaseSlot slot = ShadowDatabaseSlot.allocate(purpose, MAX_NAME);
        PostgresShadowDatabase db = new PostgresShadowDatabase(server, slot);
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + PostgresDdl.q(existing) + " RENAME TO " + PostgresDdl.q(slot.name()));
        } catch (SQLException e) {
            slot.deleteDirectory();
            return Optional.empty();
        }
        try {
            db.admin("ALTER DATABASE " + PostgresDdl.q(slot.name()) + " ALLOW_CONNECTIONS true", "cannot open " + slot.name());
        } catch (AutogenException e) {
            db.close();
            return Optional.empty();
        }
        return Optional.of(db);
    }

    private static PostgresShadowDatabase createFrom(ShadowServer server, String purpose, String template) {
        ShadowDatabaseSlot slot = ShadowDatabaseSlot.allocate(purpose, MAX_NAME);
        String name = slot.name();
        PostgresShadowDatabase db = new PostgresShadowDatabase(server, slot);
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + PostgresDdl.q(name) + (template == null ? "" : copyOf(c, template)));
        } catch (SQLException e) {
            slot.deleteDirectory();
            throw cannotCreate(name, server, e);
        }
        return db;
    }

    /**
     * The clause that makes a database a copy of {@code template}. From PostgreSQL 15 on, the default strategy
     * ({@code WAL_LOG}) writes every block of the copy to the write-ahead log: for a schema of 1,000 tables (41 MB) that
     * took 1-3.7 s per copy here, against 0.5 s with {@code FILE_COPY}, which copies the files after a checkpoint.
     * The templates copied are replay snapshots and shadow databases nobody writes to meanwhile, and a shadow server
     * has few dirty pages to checkpoint. Before 15, {@code FILE_COPY} is the only strategy and takes no clause.
     */
    static String copyOf(Connection admin, String template) throws SQLException {
        return " TEMPLATE " + PostgresDdl.q(template)
                + (admin.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY = FILE_COPY" : "");
    }

    /**
     * A role without CREATEDB is a common set-up (a managed database, a least-privilege dev user): the answer names
     * both ways out, the grant and the settings that point the shadow databases at another server or user.
     */
    static AutogenException cannotCreate(String name, ShadowServer server, SQLException e) {
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            String user = server.user() == null ? "the connecting user" : server.user();
            return new AutogenException("cannot create shadow database " + name + ": " + user + " may not create"
                    + " databases on " + server.adminUrl() + " (" + e.getMessage() + "); grant it (ALTER ROLE " + user
                    + " CREATEDB), or replay on a server and user that may: " + ShadowServer.SETTINGS, e);
        }
        return new AutogenException("cannot create shadow database " + name + " (the user needs CREATEDB): "
                + e.getMessage(), e);
    }

    public String name() {
        return slot.name();
    }

    @Override
    public Connection connect() {
        return server.connect(jdbcUrl());
    }

    @Override
    public String jdbcUrl() {
        return server.urlOf(slot.name());
    }

    @Override
    public String user() {
        return server.user();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public ScratchDatabase copy(String purpose) {
        return createFrom(server, purpose, slot.name());
    }

    @Override
    public Path directory() {
        return slot.directory();
    }

    /**
     * Session-level advisory locks instead of Flyway's default transactional one: that lock is taken in a
     * transaction on a connection of its own, kept open (idle in transaction) while the scripts run, and
     * {@code CREATE INDEX CONCURRENTLY} in a script configured {@code executeInTransaction=false} waits for every
     * older transaction in the database to end, so it waited for that one forever ({@code Lock / virtualxid}).
     */
    static final Map<String, String> FLYWAY_SETTINGS = Map.of("flyway.postgresql.transactional.lock", "false");

    @Override
    public Map<String, String> flywaySettings() {
        return FLYWAY_SETTINGS;
    }

    /** Runs {@code action} once this database is closed (the comparison that uses it is over). */
    void afterClose(Runnable action) {
        afterClose.add(action);
    }

    @Override
    public void close() {
        try {
            dropRetryingWhileAutovacuumHoldsIt();
        } finally {
            slot.deleteDirectory();
            afterClose.forEach(Runnable::run);
            afterClose.clear();
        }
    }

    /**
     * FORCE ends our own leftover connections, but refuses while a backend of a role we may not signal is in the
     * database: an autovacuum worker that started on the new database, which finishes within moments.
     */
    private void dropRetryingWhileAutovacuumHoldsIt() {
        String name = slot.name();
        String drop = "DROP DATABASE IF EXISTS " + PostgresDdl.q(name) + " WITH (FORCE)";
        for (int attempt = 1; ; attempt++) {
            try {
                admin(drop, "cannot drop shadow database " + name);
                return;
            } catch (AutogenException e) {
                if (attempt == 20 || !e.getMessage().contains("member of the role")) {
                    throw e;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void admin(String sql, String failure) {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new AutogenException(failure + ": " + e.getMessage(), e);
        }
    }
}
