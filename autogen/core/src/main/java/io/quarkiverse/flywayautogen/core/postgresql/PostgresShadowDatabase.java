package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away database on the shadow server ({@code autogen_<purpose>_<random>}), dropped on close with
 * {@code WITH (FORCE)} so a connection left open by a failed check cannot keep it alive. Copies are made with
 * {@code CREATE DATABASE ... TEMPLATE}, which PostgreSQL allows while nobody is connected to the template.
 */
public final class PostgresShadowDatabase implements ScratchDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** SQLSTATE 42501, insufficient_privilege: what CREATE DATABASE answers a role without CREATEDB. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final ShadowServer server;
    private final String name;
    private final Path directory;

    private PostgresShadowDatabase(ShadowServer server, String name, Path directory) {
        this.server = server;
        this.name = name;
        this.directory = directory;
    }

    public static PostgresShadowDatabase create(ShadowServer server, String purpose) {
        return createFrom(server, purpose, null);
    }

    /** A copy of {@code template}, a database on the server nobody is connected to (a replay snapshot). */
    static PostgresShadowDatabase fromTemplate(ShadowServer server, String purpose, String template) {
        return createFrom(server, purpose, template);
    }

    private static PostgresShadowDatabase createFrom(ShadowServer server, String purpose, String template) {
        String name = "autogen_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        Path directory;
        try {
            directory = Files.createTempDirectory("flyway-autogen-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory", e);
        }
        PostgresShadowDatabase db = new PostgresShadowDatabase(server, name, directory);
        String create = "CREATE DATABASE " + PostgresDdl.q(name) + (template == null ? "" : " TEMPLATE " + PostgresDdl.q(template));
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute(create);
        } catch (SQLException e) {
            throw cannotCreate(name, server, e);
        }
        return db;
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
        return name;
    }

    @Override
    public Connection connect() {
        return server.connect(jdbcUrl());
    }

    @Override
    public String jdbcUrl() {
        return server.urlOf(name);
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
        return createFrom(server, purpose, name);
    }

    @Override
    public Path directory() {
        return directory;
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

    @Override
    public void close() {
        try {
            dropRetryingWhileAutovacuumHoldsIt();
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // Temp files only; the OS cleans the temp dir eventually.
            }
        }
    }

    /**
     * FORCE ends our own leftover connections, but refuses while a backend of a role we may not signal is in the
     * database: an autovacuum worker that started on the new database, which finishes within moments.
     */
    private void dropRetryingWhileAutovacuumHoldsIt() {
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
