package dev.petmanager.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service's database directly, beside the running service (SQLite's WAL allows it), so tests assert what
 * was really stored — the same way for the in-process app, the jar and the native binary, on SQLite and PostgreSQL.
 * Values come back as SQLite's driver returns them (integers that fit as {@code Integer}, booleans as 1 or 0), so one
 * assertion holds on both databases.
 */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    public static Map<String, Object> row(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        return rowsIn(FreshDatabase.jdbcUrl(), sql, args);
    }

    /** As {@link #rows}, in the database at {@code jdbcUrl} (a database of the test server, or a SQLite URL). */
    public static List<Map<String, Object>> rowsIn(String jdbcUrl, String sql, Object... args) {
        try (Connection connection = open(jdbcUrl); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), asSqliteReturnsIt(rs.getObject(c)));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    public static int execute(String sql, Object... args) {
        try (Connection connection = open(FreshDatabase.jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** Whether the schema has an index of that name. */
    public static boolean hasIndex(String name) {
        return count(TestDatabase.isPostgresql()
                ? "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?"
                : "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", name) == 1;
    }

    /** Whether {@code table} has a column of that name. */
    public static boolean hasColumn(String table, String column) {
        return count(TestDatabase.isPostgresql()
                ? "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = ? AND column_name = ?"
                : "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", table, column) == 1;
    }

    /** The last id {@code table}'s id generator handed out (0 before the first): a rolled-back insert may not move it. */
    public static long lastGeneratedId(String table) {
        return count(TestDatabase.isPostgresql()
                ? "SELECT coalesce(max(last_value), 0) FROM pg_sequences WHERE sequencename = ? || '_id_seq'"
                : "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = ?", table);
    }

    private static Object asSqliteReturnsIt(Object value) {
        if (value instanceof Long || value instanceof Short) {
            long number = ((Number) value).longValue();
            return number == (int) number ? Integer.valueOf((int) number) : value;
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        return value;
    }

    private static Connection open(String jdbcUrl) throws SQLException {
        return jdbcUrl.startsWith("jdbc:postgresql:")
                ? DriverManager.getConnection(jdbcUrl, TestDatabase.user(), TestDatabase.password())
                : DriverManager.getConnection(jdbcUrl);
    }
}
