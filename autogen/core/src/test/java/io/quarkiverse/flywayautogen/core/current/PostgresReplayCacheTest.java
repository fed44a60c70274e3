package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresDialect;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresTestServer;
import io.quarkiverse.flywayautogen.core.postgresql.SpareCopies;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay cache on PostgreSQL: template databases {@code autogen_rc_<key>} on the shadow server. Each test's
 * migrations are its own (a random comment in V1), so runs sharing the server do not share states.
 */
class PostgresReplayCacheTest extends ReplayCacheContract {

    private PostgresDialect dialect;

    @Override
    Dialect dialect() {
        if (dialect == null) {
            dialect = PostgresTestServer.dialect();
        }
        return dialect;
    }

    /** Replaced by an empty database of the same name: the history check must refuse it. */
    @Override
    void damageNewestSnapshot() throws Exception {
        String name = "autogen_rc_" + MigrationChain.read(folder, "postgresql").keyAfter(3).orElseThrow();
        admin("DROP DATABASE " + name + " WITH (FORCE)");
        admin("CREATE DATABASE " + name);
    }

    @Test
    void templatesAllowNoConnection() throws Exception {
        assertReplay(3, 0);
        try (Connection c = connectAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT bool_or(datallowconn) FROM pg_database WHERE datname LIKE 'autogen\\_rc\\_%'")) {
            rs.next();
            assertFalse(rs.getBoolean(1), "no template accepts connections");
        }
    }

    @Test
    void spareCopyOfTheNewestStateIsTakenByTheNextReplay() throws Exception {
        assertReplay(3, 0);
        SpareCopies.awaitReady(60_000);
        String spare = "autogen_rc_spare_" + newestKey();
        assertEquals("false", query("SELECT datallowconn::text FROM pg_database WHERE datname = '" + spare + "'"),
                "a whole spare that nobody can change");
        assertReplay(0, 3); // and as a full replay builds it
        assertTrue(SpareCopies.lastTake().startsWith("spare copy"), SpareCopies.lastTake());
        List<String> chainKeys = MigrationChain.read(folder, "postgresql").keys();
        assertEquals(List.of(keyAfter(2), newestKey()).stream().sorted().toList(),
                keys().stream().filter(chainKeys::contains).toList(), "spares are not listed as snapshots");
    }

    @Test
    void spareOfAReplacedTemplateIsNeverUsed() throws Exception {
        assertReplay(3, 0);
        SpareCopies.awaitReady(60_000);
        damageNewestSnapshot();
        Replayed replayed = assertReplay(-1, -1);
        // the spare of the state before it may serve; the spare of the replaced template's key never does
        assertTrue(replayed.fromCache() < 3, "neither the replaced template nor its earlier spare: " + replayed);
        SpareCopies.awaitReady(60_000);
        assertReplay(0, 3);
    }

    @Test
    void deletedSnapshotTakesItsSpareWithIt() throws Exception {
        assertReplay(3, 0);
        snapshots().delete(newestKey()); // also while the spare is still in the making
        assertEquals("", query("SELECT coalesce(string_agg(datname, ','), '') FROM pg_database WHERE datname = 'autogen_rc_spare_"
                + newestKey() + "'"));
        assertReplay(1, 2);
    }

    private String newestKey() {
        return keyAfter(3);
    }

    private String keyAfter(int count) {
        return MigrationChain.read(folder, "postgresql").keyAfter(count).orElseThrow();
    }

    private String query(String sql) throws Exception {
        try (Connection c = connectAdmin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private void admin(String sql) throws Exception {
        try (Connection c = connectAdmin(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private Connection connectAdmin() throws Exception {
        var server = ((PostgresDialect) dialect()).server();
        return DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
    }
}
