package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresDialect;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresTestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;

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
