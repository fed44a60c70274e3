package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresShadowDatabaseTest {

    @Test
    void copyHoldsTheRowsAndCloseDropsBothDatabases() throws Exception {
        ShadowServer server = PostgresTestServer.require();
        String original;
        String copied;
        try (PostgresShadowDatabase db = PostgresShadowDatabase.create(server, "test")) {
            original = db.name();
            assertTrue(original.startsWith("autogen_test_"), original);
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id integer PRIMARY KEY)");
                st.execute("INSERT INTO t VALUES (1), (2)");
            }
            try (ScratchDatabase copy = db.copy("copy")) {
                copied = ((PostgresShadowDatabase) copy).name();
                try (Connection c = copy.connect(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1));
                }
                assertTrue(exists(server, copied));
            }
            assertFalse(exists(server, copied), "the copy is dropped on close");
        }
        assertFalse(exists(server, original), "dropped on close");
    }

    private static boolean exists(ShadowServer server, String database) throws Exception {
        try (Connection c = server.connectAdmin(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
