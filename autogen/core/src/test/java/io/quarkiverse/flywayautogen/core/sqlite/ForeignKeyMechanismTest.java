package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.sqlite.SqliteScratchDatabase;
import org.junit.jupiter.api.Test;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence for the recipe documented in {@link TableRebuild}: under foreign_keys=ON the textbook rebuild and the
 * legacy_alter_table variant both lose cascade children, deferring the checks does not save them, and PRAGMA
 * foreign_keys cannot be switched in a transaction. With foreign keys off, outside a transaction, the textbook
 * rebuild of the parent alone keeps the children's rows and REFERENCES text; Flyway runs such a script only when
 * its .sql.conf says executeInTransaction=false.
 */
class ForeignKeyMechanismTest {

    private static long childRowsAfter(String... rebuild) throws Exception {
        try (SqliteScratchDatabase db = SqliteScratchDatabase.create("fkproof"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE p (id INTEGER PRIMARY KEY, n TEXT)");
            st.executeUpdate("CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p (id) ON DELETE CASCADE)");
            st.executeUpdate("INSERT INTO p VALUES (1, 'a'), (2, 'b')");
            st.executeUpdate("INSERT INTO c VALUES (1, 1), (2, 2)");
            c.setAutoCommit(false);
            for (String sql : rebuild) {
                st.execute(sql);
            }
            c.commit();
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM c")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void textbookRebuildUnderForeignKeysOnEmptiesCascadeChildren() throws Exception {
        assertEquals(0, childRowsAfter("CREATE TABLE p_new (id INTEGER PRIMARY KEY, n TEXT NOT NULL DEFAULT 'x')",
                "INSERT INTO p_new SELECT id, n FROM p", "DROP TABLE p", "ALTER TABLE p_new RENAME TO p"));
    }

    @Test
    void legacyAlterTableStillRepointsChildrenWhenForeignKeysAreOn() throws Exception {
        assertEquals(0, childRowsAfter("PRAGMA legacy_alter_table = ON", "ALTER TABLE p RENAME TO p_old",
                "CREATE TABLE p (id INTEGER PRIMARY KEY, n TEXT NOT NULL DEFAULT 'x')", "INSERT INTO p SELECT id, n FROM p_old",
                "DROP TABLE p_old", "PRAGMA legacy_alter_table = OFF"));
    }

    @Test
    void foreignKeysPragmaIsIgnoredInsideATransaction() throws Exception {
        assertEquals(0, childRowsAfter("PRAGMA foreign_keys = OFF", "CREATE TABLE p_new (id INTEGER PRIMARY KEY, n TEXT)",
                "INSERT INTO p_new SELECT id, n FROM p", "DROP TABLE p", "ALTER TABLE p_new RENAME TO p"));
    }

    @Test
    void rebuildingChildrenWithTheParentKeepsEveryRow() throws Exception {
        assertEquals(2, childRowsAfter("PRAGMA defer_foreign_keys = ON",
                "CREATE TABLE p__new (id INTEGER PRIMARY KEY, n TEXT NOT NULL DEFAULT 'x')", "INSERT INTO p__new SELECT id, n FROM p",
                "CREATE TABLE c__new (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p__new (id) ON DELETE CASCADE)",
                "INSERT INTO c__new SELECT * FROM c", "DROP TABLE c", "DROP TABLE p",
                "ALTER TABLE p__new RENAME TO p", "ALTER TABLE c__new RENAME TO c"));
    }

    private static final String[] TEXTBOOK = {"CREATE TABLE p_new (id INTEGER PRIMARY KEY, n VARCHAR(20))",
        "INSERT INTO p_new SELECT id, n FROM p", "DROP TABLE p", "ALTER TABLE p_new RENAME TO p"};

    @Test
    void deferringForeignKeysDoesNotSaveTheTextbookRebuildInATransaction() throws Exception {
        try (SqliteScratchDatabase db = SqliteScratchDatabase.create("fkproof"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE p (id INTEGER PRIMARY KEY, n VARCHAR(10))");
            st.executeUpdate("CREATE TABLE d (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p (id))"); // NO ACTION
            st.executeUpdate("INSERT INTO p VALUES (1, 'a')");
            st.executeUpdate("INSERT INTO d VALUES (1, 1)");
            c.setAutoCommit(false);
            st.execute("PRAGMA defer_foreign_keys = ON");
            for (String sql : TEXTBOOK) {
                st.execute(sql);
            }
            // the drop orphaned d's row in the deferred count; the rename does not give it its parent back
            assertThrows(java.sql.SQLException.class, c::commit);
        }
    }

    @Test
    void withForeignKeysOffOutsideATransactionTheParentAloneIsRebuilt() throws Exception {
        try (SqliteScratchDatabase db = SqliteScratchDatabase.create("fkproof"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE p (id INTEGER PRIMARY KEY, n VARCHAR(10))");
            st.executeUpdate("CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER, CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE)");
            st.executeUpdate("INSERT INTO p VALUES (1, 'a'), (2, 'b')");
            st.executeUpdate("INSERT INTO c VALUES (1, 1), (2, 2)");
            String child = text(st, "SELECT sql FROM sqlite_master WHERE name = 'c'");
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("SAVEPOINT rebuild");
            for (String sql : TEXTBOOK) {
                st.execute(sql);
            }
            assertEquals("0", text(st, "SELECT count(*) FROM pragma_foreign_key_check('c')"));
            st.execute("RELEASE rebuild");
            st.execute("PRAGMA foreign_keys = ON");
            assertEquals("2", text(st, "SELECT count(*) FROM c"));
            assertEquals(child, text(st, "SELECT sql FROM sqlite_master WHERE name = 'c'"), "legacy_alter_table=OFF left the child's REFERENCES alone");
            st.executeUpdate("DELETE FROM p WHERE id = 1");
            assertEquals("1", text(st, "SELECT count(*) FROM c"), "the child's CASCADE acts on the new parent");
        }
    }

    @Test
    void flywayRunsAScriptWithTheForeignKeysPragmaOnlyWhenItsConfigSaysOutsideATransaction() throws Exception {
        Path dir = Files.createTempDirectory("fkproof-flyway");
        Files.writeString(dir.resolve("V1__rebuild.sql"), "PRAGMA foreign_keys = OFF;\nSAVEPOINT s;\nCREATE TABLE t (id INTEGER);\n"
                + "RELEASE s;\nPRAGMA foreign_keys = ON;\n");
        try (SqliteScratchDatabase db = SqliteScratchDatabase.create("fkproof")) {
            Flyway flyway = Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + dir).load();
            FlywayException refused = assertThrows(FlywayException.class, flyway::migrate);
            assertTrue(refused.getMessage().contains("non-transactional"), refused.getMessage());
            Files.writeString(dir.resolve("V1__rebuild.sql.conf"), "executeInTransaction=false\n");
            assertEquals(1, flyway.migrate().migrationsExecuted);
        }
    }

    private static String text(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
