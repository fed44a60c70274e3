package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.ServerLogin;
import io.quarkiverse.flywayautogen.core.dialect.ShadowDatabaseSlot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.quarkiverse.flywayautogen.core.mariadb.MariaDbDdl.q;

/**
 * A throw-away database on the MariaDB server ({@code autogen_<purpose>_<random>}), dropped on close. MariaDB has no
 * template databases: a copy re-creates each table from {@code SHOW CREATE TABLE} (foreign key checks off, so the
 * order does not matter) and copies its rows, and each sequence from {@code SHOW CREATE SEQUENCE} with its next value.
 * <p>
 * Connections the engine opens itself ({@link #connect()}) quote identifiers with double quotes too
 * ({@code ANSI_QUOTES}), as the self-check's sample rows write them; Flyway and Hibernate connect through
 * {@link #jdbcUrl()} with the server's own SQL mode, as the application does.
 */
public final class MariaDbShadowDatabase implements ScratchDatabase {

    /** MariaDB's limit on a database name. */
    private static final int MAX_NAME = 64;
    /** A DROP DATABASE waits for metadata locks of connections left open at most this long, then fails. */
    private static final int LOCK_WAIT_SECONDS = 30;

    private final ServerLogin server;
    private final String name;
    private final ShadowDatabaseSlot slot;

    private MariaDbShadowDatabase(ServerLogin server, ShadowDatabaseSlot slot) {
        this.server = server;
        this.name = slot.name();
        this.slot = slot;
    }

    public static MariaDbShadowDatabase create(ServerLogin server, String purpose) {
        ShadowDatabaseSlot slot = ShadowDatabaseSlot.allocate(purpose, MAX_NAME);
        String name = slot.name();
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + q(name) + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            slot.deleteDirectory();
            throw new AutogenException("cannot create shadow database " + name + " on " + server.url()
                    + " (the user needs CREATE on autogen_* databases: GRANT ALL ON `autogen\\_%`.* TO ...): "
                    + e.getMessage(), e);
        }
        return new MariaDbShadowDatabase(server, slot);
    }

    public String name() {
        return name;
    }

    @Override
    public Connection connect() {
        Connection c = server.connect(jdbcUrl());
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the failure to report is the one above
            }
            throw new AutogenException("cannot set the SQL mode on " + name + ": " + e.getMessage(), e);
        }
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
        MariaDbShadowDatabase copy = create(server, purpose);
        try (Connection c = server.connect(copy.jdbcUrl()); Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 0");
            for (String[] object : objects(c)) {
                String source = q(name) + "." + q(object[0]);
                if (object[1].equals("SEQUENCE")) {
                    st.execute(showCreate(st, "SHOW CREATE SEQUENCE " + source));
                    try (ResultSet rs = st.executeQuery("SELECT next_not_cached_value FROM " + source)) {
                        rs.next();
                        st.execute("SELECT SETVAL(" + q(object[0]) + ", " + rs.getLong(1) + ", 0)");
                    }
                } else {
                    st.execute(showCreate(st, "SHOW CREATE TABLE " + source));
                    st.execute("INSERT INTO " + q(object[0]) + " SELECT * FROM " + source);
                }
            }
        } catch (SQLException | RuntimeException e) {
            copy.close();
            throw new AutogenException("cannot copy shadow database " + name + ": " + e.getMessage(), e);
        }
        return copy;
    }

    /** Tables and sequences of this database, {name, type}; views are not copied. */
    private List<String[]> objects(Connection c) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE') ORDER BY TABLE_NAME")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    objects.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        return objects;
    }

    private static String showCreate(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(2);
        }
    }

    @Override
    public Path directory() {
        return slot.directory();
    }

    @Override
    public void close() {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            st.execute("DROP DATABASE IF EXISTS " + q(name));
        } catch (SQLException e) {
            throw new AutogenException("cannot drop shadow database " + name + ": " + e.getMessage(), e);
        } finally {
            slot.deleteDirectory();
        }
    }
}
