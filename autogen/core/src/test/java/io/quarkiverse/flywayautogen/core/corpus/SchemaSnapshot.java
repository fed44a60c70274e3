package io.quarkiverse.flywayautogen.core.corpus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A SQLite schema as plain values, read with PRAGMAs and independent of the engine's own reader, so a corpus test
 * cannot pass because reader and writer share a blind spot. Names keep their spelling (case included); declared
 * types are compared as written, only upper-cased and without blanks ({@code numeric(12, 2)} = {@code NUMERIC(12,2)});
 * columns are sorted by name, because a rebuilt table may order them differently and nothing reads them by position.
 * Left out: Flyway's history table, and the {@code HTE_<Entity>} tables Hibernate 7.2 creates in the database
 * itself whenever a session factory starts (even with {@code validate}) for its multi-table mutation strategy on SQLite.
 *
 * @param tables by exact name
 */
record SchemaSnapshot(Map<String, TableShape> tables) {

    /**
     * @param pkPosition 1-based position in the primary key, 0 when not in it
     * @param dflt       the default as SQLite stores its text, null without one
     */
    record ColumnShape(String name, String type, boolean notNull, int pkPosition, String dflt) {
    }

    /**
     * @param uniques       column lists of UNIQUE constraints (their automatic index names change with a rebuild)
     * @param indexes       {@code name(col, ...)} or {@code UNIQUE name(col, ...)} of CREATE INDEX indexes
     * @param foreignKeys   {@code (col, ...) -> parent(col, ...) ON DELETE action}
     * @param autoincrement the CREATE TABLE says AUTOINCREMENT
     */
    record TableShape(List<ColumnShape> columns, Set<String> uniques, Set<String> indexes, Set<String> foreignKeys,
                      boolean autoincrement) {
    }

    static SchemaSnapshot read(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            Map<String, TableShape> tables = new TreeMap<>();
            for (List<String> t : rows(c, "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'HTE\\_%' ESCAPE '\\' AND name <> 'flyway_schema_history'")) {
                tables.put(t.get(0), table(c, t.get(0), t.get(1)));
            }
            return new SchemaSnapshot(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * What Hibernate's own SQLite DDL can be compared on: it emits no foreign keys and no table-level unique
     * constraints on SQLite (SQLiteDialect has no ALTER TABLE for them), names unnamed indexes with hashes and never
     * writes AUTOINCREMENT. An INTEGER single-column key is SQLite's rowid and can never be NULL, however it is
     * declared.
     */
    SchemaSnapshot comparableWithHibernateDdl() {
        Map<String, TableShape> out = new TreeMap<>();
        tables.forEach((name, t) -> {
            boolean rowid = t.columns().stream().filter(c -> c.pkPosition() > 0).count() == 1;
            List<ColumnShape> cols = t.columns().stream().map(c -> rowid && c.pkPosition() == 1 && c.type().equals("INTEGER")
                    ? new ColumnShape(c.name(), c.type(), true, c.pkPosition(), c.dflt()) : c).toList();
            Set<String> indexes = new TreeSet<>();
            t.indexes().forEach(i -> indexes.add((i.startsWith("UNIQUE ") ? "UNIQUE " : "") + i.substring(i.indexOf('('))));
            out.put(name, new TableShape(cols, Set.of(), indexes, Set.of(), false));
        });
        return new SchemaSnapshot(out);
    }

    /** What differs from {@code expected}, one line per table, column or constraint set; empty when equal. */
    List<String> differencesFrom(SchemaSnapshot expected) {
        List<String> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(expected.tables().keySet());
        names.addAll(tables.keySet());
        for (String name : names) {
            TableShape want = expected.tables().get(name);
            TableShape got = tables.get(name);
            if (want == null || got == null) {
                out.add((want == null ? "unexpected table " : "missing table ") + name);
                continue;
            }
            Map<String, ColumnShape> wantCols = new TreeMap<>();
            want.columns().forEach(c -> wantCols.put(c.name(), c));
            Map<String, ColumnShape> gotCols = new TreeMap<>();
            got.columns().forEach(c -> gotCols.put(c.name(), c));
            Set<String> columns = new TreeSet<>(wantCols.keySet());
            columns.addAll(gotCols.keySet());
            for (String column : columns) {
                ColumnShape w = wantCols.get(column);
                ColumnShape g = gotCols.get(column);
                if (w == null || !w.equals(g)) {
                    out.add(name + "." + column + ": expected " + describe(w) + ", actual " + describe(g));
                }
            }
            differ(out, name + " unique constraints", want.uniques(), got.uniques());
            differ(out, name + " indexes", want.indexes(), got.indexes());
            differ(out, name + " foreign keys", want.foreignKeys(), got.foreignKeys());
            differ(out, name + " AUTOINCREMENT", want.autoincrement(), got.autoincrement());
        }
        return out;
    }

    private static void differ(List<String> out, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            out.add(what + ": expected " + expected + ", actual " + actual);
        }
    }

    private static String describe(ColumnShape c) {
        return c == null ? "no column" : c.type() + (c.notNull() ? " NOT NULL" : "") + (c.pkPosition() > 0 ? " PK" + c.pkPosition() : "")
                + (c.dflt() == null ? "" : " DEFAULT " + c.dflt());
    }

    /** The rows of Hibernate's sequence-emulating tables (a single column next_val), by table name. */
    static Map<String, List<String>> sequenceRows(String jdbcUrl) {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            read(jdbcUrl).tables().forEach((name, t) -> {
                if (t.columns().size() == 1 && t.columns().get(0).name().equalsIgnoreCase("next_val")) {
                    try {
                        out.put(name, rows(c, "SELECT next_val FROM \"" + name + "\" ORDER BY 1").stream().map(r -> r.get(0)).toList());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static TableShape table(Connection c, String name, String sql) throws SQLException {
        String q = "'" + name.replace("'", "''") + "'";
        List<ColumnShape> columns = new ArrayList<>();
        for (List<String> col : rows(c, "SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info(" + q + ")")) {
            columns.add(new ColumnShape(col.get(0), normaliseType(col.get(1)), "1".equals(col.get(2)), Integer.parseInt(col.get(3)), col.get(4)));
        }
        columns.sort(Comparator.comparing(ColumnShape::name));
        Set<String> uniques = new TreeSet<>();
        Set<String> indexes = new TreeSet<>();
        for (List<String> idx : rows(c, "SELECT name, \"unique\", origin FROM pragma_index_list(" + q + ")")) {
            List<String> cols = new ArrayList<>();
            for (List<String> ic : rows(c, "SELECT name, \"desc\" FROM pragma_index_xinfo('" + idx.get(0).replace("'", "''")
                    + "') WHERE key = 1 ORDER BY seqno")) {
                cols.add(ic.get(0) + ("1".equals(ic.get(1)) ? " DESC" : ""));
            }
            String list = "(" + String.join(", ", cols) + ")";
            switch (idx.get(2)) {
                case "u" -> uniques.add(list);
                case "c" -> indexes.add(("1".equals(idx.get(1)) ? "UNIQUE " : "") + idx.get(0) + list);
                default -> { /* the primary key's own index */ }
            }
        }
        Map<Integer, List<List<String>>> fkRows = new TreeMap<>();
        for (List<String> fk : rows(c, "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(" + q + ") ORDER BY id, seq")) {
            fkRows.computeIfAbsent(Integer.parseInt(fk.get(0)), k -> new ArrayList<>()).add(fk);
        }
        Set<String> foreignKeys = new TreeSet<>();
        for (List<List<String>> fk : fkRows.values()) {
            foreignKeys.add("(" + String.join(", ", fk.stream().map(r -> r.get(2)).toList()) + ") -> " + fk.get(0).get(1)
                    + "(" + String.join(", ", fk.stream().map(r -> String.valueOf(r.get(3))).toList()) + ") ON DELETE " + fk.get(0).get(4));
        }
        boolean autoincrement = sql != null && sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
        return new TableShape(columns, uniques, indexes, foreignKeys, autoincrement);
    }

    private static String normaliseType(String declared) {
        return declared == null ? "" : declared.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
