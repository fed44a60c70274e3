package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.ColumnType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Declarations sqlite-jdbc and Hibernate read as one type, and SQLite stores alike, are one model type. */
class SqliteTypesTest {

    /** A hand-written spelling, then what Hibernate's SQLite dialect declares for the same Java type. */
    private static final List<List<String>> SAME_TYPE = List.of(
            List.of("int", "integer"),
            List.of("INT4", "integer"),
            List.of("mediumint", "integer"),
            List.of("int2", "smallint"),
            List.of("double", "double precision"),
            List.of("real", "float"),
            List.of("float(53)", "double precision"),
            List.of("numeric( 10, 2 )", "NUMERIC(10,2)"),
            List.of("character varying(255)", "varchar(255)"),
            List.of("nvarchar(255)", "varchar(255)"),
            List.of("character(3)", "char(3)"),
            List.of("character large object", "clob"));

    @Test
    void spellingsOfOneJdbcTypeWithOneAffinityAreEqual() {
        for (List<String> pair : SAME_TYPE) {
            ColumnType a = SqliteTypes.of(pair.get(0));
            ColumnType b = SqliteTypes.of(pair.get(1));
            assertEquals(b, a, pair.toString());
            assertEquals(SqliteTypes.affinity(b), SqliteTypes.affinity(a), pair + " keeps every value the same way");
            assertEquals(pair.get(0), a.declared(), "rendered as written");
        }
    }

    /** The rule's two halves, read from the driver: the same JDBC type there, and the same affinity in SQLite. */
    @Test
    void equalTypesAreOnesTheDriverReportsAlike() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (List<String> pair : SAME_TYPE) {
                st.execute("CREATE TABLE t (a " + pair.get(0) + ", b " + pair.get(1) + ")");
                try (ResultSet rs = c.getMetaData().getColumns(null, null, "t", null)) {
                    rs.next();
                    int a = rs.getInt("DATA_TYPE");
                    rs.next();
                    assertEquals(rs.getInt("DATA_TYPE"), a, pair + ": getColumns' JDBC type");
                }
                st.execute("INSERT INTO t VALUES ('12', '12')");
                try (ResultSet rs = st.executeQuery("SELECT typeof(a), typeof(b) FROM t")) {
                    rs.next();
                    assertEquals(rs.getString(2), rs.getString(1), pair + ": stored alike");
                }
                st.execute("DROP TABLE t");
            }
        }
    }

    @Test
    void anotherJdbcTypeOrAnotherAffinityIsAnotherType() {
        // Hibernate's validation matches a TIMESTAMP, BOOLEAN or NUMERIC entity type by name only: sqlite-jdbc reports
        // DATETIME as VARCHAR, BOOL as INTEGER, DECIMAL as FLOAT
        assertNotEquals(SqliteTypes.of("timestamp"), SqliteTypes.of("datetime"));
        assertNotEquals(SqliteTypes.of("boolean"), SqliteTypes.of("bool"));
        assertNotEquals(SqliteTypes.of("numeric(10,2)"), SqliteTypes.of("decimal(10,2)"));
        assertNotEquals(SqliteTypes.of("bigint"), SqliteTypes.of("int8"), "BIGINT matches its name only");
        assertNotEquals(SqliteTypes.of("date"), SqliteTypes.of("timestamp"), "JDBC DATE is not TIMESTAMP");
        assertNotEquals(SqliteTypes.of("binary large object"), SqliteTypes.of("blob"), "NUMERIC affinity is not BLOB");
        assertNotEquals(SqliteTypes.of("numeric"), SqliteTypes.of("double"), "NUMERIC affinity keeps integers exact");
        assertNotEquals(SqliteTypes.of("boolean"), SqliteTypes.of("integer"));
        assertNotEquals(SqliteTypes.of("bigint"), SqliteTypes.of("integer"));
        assertNotEquals(SqliteTypes.of("varchar(255)"), SqliteTypes.of("text"), "the length is declared");
        assertNotEquals(SqliteTypes.of("clob"), SqliteTypes.of("text"));
    }

    /** Hibernate's validation rejects them where the other is expected, but SQLite stores them alike: no loss. */
    @Test
    void renamingWithinOneAffinityIsNoNarrowing() {
        assertFalse(SqliteTypes.of("datetime").narrowsTo(SqliteTypes.of("timestamp")));
        assertFalse(SqliteTypes.of("bool").narrowsTo(SqliteTypes.of("boolean")));
        assertFalse(SqliteTypes.of("decimal(10,2)").narrowsTo(SqliteTypes.of("numeric(10,2)")));
        assertTrue(SqliteTypes.of("decimal(10,2)").narrowsTo(SqliteTypes.of("numeric(8,2)")));
    }

    @Test
    void onlyAKeyDeclaredIntegerIsTheRowidAlias() {
        assertEquals(SqliteTypes.of("integer"), SqliteTypes.ofSoleKey("INTEGER"));
        assertNotEquals(SqliteTypes.of("integer"), SqliteTypes.ofSoleKey("int"));
        assertFalse(SqliteTypes.isRowidAliasType(SqliteTypes.ofSoleKey("int")));
        assertTrue(SqliteTypes.isRowidAliasType(SqliteTypes.ofSoleKey("integer")));
        assertEquals(SqliteTypes.of("smallint"), SqliteTypes.ofSoleKey("int2"), "no rowid alias either way");
    }

    @Test
    void aChangeThatKeepsEveryValueIsNoNarrowing() {
        assertFalse(SqliteTypes.of("date").narrowsTo(SqliteTypes.of("timestamp")));
        assertFalse(SqliteTypes.of("boolean").narrowsTo(SqliteTypes.of("integer")));
        assertFalse(SqliteTypes.of("integer").narrowsTo(SqliteTypes.of("numeric(19,0)")));
        assertFalse(SqliteTypes.of("varchar(40)").narrowsTo(SqliteTypes.of("clob")));
        assertTrue(SqliteTypes.of("timestamp").narrowsTo(SqliteTypes.of("date")));
        assertTrue(SqliteTypes.of("bigint").narrowsTo(SqliteTypes.of("numeric(10,2)")));
        assertTrue(SqliteTypes.of("varchar(100)").narrowsTo(SqliteTypes.of("varchar(40)")));
        assertTrue(SqliteTypes.of("numeric(10,2)").narrowsTo(SqliteTypes.of("double")));
    }
}
