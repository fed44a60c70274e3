package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.sqlite.SqliteScratchDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evidence for the choice documented in {@link TableRebuild}: under foreign_keys=ON the textbook rebuild and the
 * legacy_alter_table variant both lose cascade children, and PRAGMA foreign_keys cannot be switched in a transaction.
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
}
