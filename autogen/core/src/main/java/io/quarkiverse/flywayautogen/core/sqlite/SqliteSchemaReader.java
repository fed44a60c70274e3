package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.dialect.SchemaReader;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.SqlObject;
import io.quarkiverse.flywayautogen.core.model.SqlText;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Introspects a SQLite database into the model: sqlite_master, PRAGMA table_xinfo / index_list / index_xinfo /
 * foreign_key_list, and CHECKs parsed from the stored CREATE TABLE. Names keep the case they were created with:
 * SQLite matches identifiers case-insensitively, but Hibernate's schema validation looks them up as the mapping
 * spells them, so {@code fruit} is not {@code Fruit}. References (FOREIGN KEY ... REFERENCES, index and constraint
 * columns) are resolved to the spelling of the table or column they name. Values are normalised, so a schema read
 * twice, or built two ways, compares equal.
 */
public final class SqliteSchemaReader implements SchemaReader {

    @Override
    public Schema read(Connection connection) {
        try {
            List<Table> tables = new ArrayList<>();
            List<SqlObject> views = new ArrayList<>();
            List<SqlObject> triggers = new ArrayList<>();
            List<String> autoincrement = new ArrayList<>();
            List<String[]> objects = query(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                    + "WHERE name NOT LIKE 'sqlite_%' ORDER BY name", 4);
            Map<String, String> tableNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            objects.stream().filter(row -> row[0].equals("table")).forEach(row -> tableNames.put(row[1], row[1]));
            Catalog catalog = Catalog.read(connection);
            for (String[] row : objects) {
                String type = row[0];
                String name = row[1];
                if (lower(name).equals(FLYWAY_HISTORY_TABLE) || lower(row[2]).equals(FLYWAY_HISTORY_TABLE)) {
                    continue;
                }
                switch (type) {
                    case "table" -> {
                        tables.add(readTable(catalog, row[1], row[3], tableNames));
                        if (row[3] != null && row[3].toUpperCase(Locale.ROOT).matches("(?s).*\\bAUTOINCREMENT\\b.*")) {
                            autoincrement.add(name);
                        }
                    }
                    case "view" -> views.add(new SqlObject(name, name, row[3]));
                    case "trigger" -> triggers.add(new SqlObject(name, tableNames.getOrDefault(row[2], row[2]), row[3]));
                    default -> { /* indexes are read per table */ }
                }
            }
            return new Schema(tables, views, triggers, autoincrement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read SQLite schema: " + e.getMessage(), e);
        }
    }

    private Table readTable(Catalog c, String rawName, String createSql, Map<String, String> tableNames) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> columnNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        TreeMap<Integer, String> pkColumns = new TreeMap<>();
        List<String[]> declared = c.columns(rawName);
        boolean soleKey = declared.stream().filter(col -> !"0".equals(col[4])).count() == 1;
        for (String[] col : declared) {
            if (!"0".equals(col[5])) {
                continue; // generated / hidden columns are not declared by entities
            }
            String name = col[0];
            columnNames.put(name, name);
            int pk = Integer.parseInt(col[4]);
            if (pk > 0) {
                pkColumns.put(pk, name);
            }
            // PK columns are NOT NULL in the model: an INTEGER PRIMARY KEY can never hold NULL, whatever the pragma says.
            boolean nullable = "0".equals(col[2]) && pk == 0;
            ColumnType type = soleKey && pk > 0 ? SqliteTypes.ofSoleKey(col[1]) : SqliteTypes.of(col[1]);
            columns.add(new Column(name, type, nullable, SqlText.normaliseDefault(col[3])));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (String[] idx : c.indexes(rawName)) {
            List<String> cols = spelled(indexColumns(c, idx[0]), columnNames);
            switch (idx[2]) {
                case "u" -> uniques.add(new UniqueConstraint(null, cols));
                case "c" -> indexes.add(new Index(idx[0], cols, "1".equals(idx[1])));
                default -> { /* the primary key's own index */ }
            }
        }
        List<CreateTableSqlParser.NamedConstraint> named = createSql == null ? List.of() : CreateTableSqlParser.namedConstraints(createSql);
        List<String> pk = List.copyOf(pkColumns.values());
        return new Table(rawName, columns, new PrimaryKey(nameOf(named, "PRIMARY KEY", pk), pk),
                uniques.stream().map(u -> new UniqueConstraint(nameOf(named, "UNIQUE", u.columns()), u.columns())).toList(),
                indexes,
                foreignKeys(c, rawName, tableNames, columnNames).stream().map(f -> new ForeignKey(nameOf(named, "FOREIGN KEY", f.columns()), f.columns(),
                        f.referencedTable(), f.referencedColumns(), f.onDelete())).toList(),
                checks(createSql));
    }

    private static String nameOf(List<CreateTableSqlParser.NamedConstraint> named, String kind, List<String> columns) {
        return named.stream().filter(n -> n.kind().equals(kind) && n.columns().size() == columns.size()
                        && String.join("\u0000", n.columns()).equalsIgnoreCase(String.join("\u0000", columns)))
                .map(CreateTableSqlParser.NamedConstraint::name).findFirst().orElse(null);
    }

    private List<String> indexColumns(Catalog c, String indexName) {
        List<String> cols = new ArrayList<>();
        for (String[] row : c.indexColumns(indexName)) {
            if ("1".equals(row[1])) {
                if (row[0] == null) {
                    throw new IllegalStateException("expression indexes are not supported: " + indexName);
                }
                cols.add(row[0]);
            }
        }
        return cols;
    }

    private List<ForeignKey> foreignKeys(Catalog c, String table, Map<String, String> tableNames,
                                         Map<String, String> columnNames) {
        Map<Integer, List<String[]>> byId = new TreeMap<>();
        for (String[] row : c.foreignKeys(table)) {
            byId.computeIfAbsent(Integer.parseInt(row[0]), k -> new ArrayList<>()).add(row);
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (List<String[]> rows : byId.values()) {
            String parent = tableNames.getOrDefault(rows.get(0)[2], rows.get(0)[2]);
            List<String> from = spelled(rows.stream().map(r -> r[3]).toList(), columnNames);
            List<String> to = rows.stream().map(r -> r[4]).toList();
            if (to.contains(null)) {
                to = primaryKeyOf(c, parent); // "REFERENCES parent" without columns means the parent's primary key
            } else {
                to = spelled(to, columnsOf(c, parent));
            }
            fks.add(new ForeignKey(null, from, parent, to, rows.get(0)[5]));
        }
        return fks;
    }

    /** The primary key of {@code table} (columns as {@link Catalog#columns}: name, type, notnull, default, pk, hidden). */
    private List<String> primaryKeyOf(Catalog c, String table) {
        TreeMap<Integer, String> pk = new TreeMap<>();
        for (String[] col : c.columns(table)) {
            if ("0".equals(col[5]) && !"0".equals(col[4])) {
                pk.put(Integer.parseInt(col[4]), col[0]);
            }
        }
        return List.copyOf(pk.values());
    }

    private Map<String, String> columnsOf(Catalog c, String table) {
        Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String[] col : c.columns(table)) {
            if ("0".equals(col[5])) {
                names.put(col[0], col[0]);
            }
        }
        return names;
    }

    /**
     * Every table's columns, indexes and foreign keys, read with one query each: the pragmas as table-valued
     * functions joined to sqlite_master. Per table they cost five or six queries, which at 1,000 tables was most of
     * the time a comparison spent reading the schema (twice: the replay, and the self-check's read-back).
     */
    private record Catalog(Map<String, List<String[]>> columns, Map<String, List<String[]>> indexes,
                           Map<String, List<String[]>> indexColumns, Map<String, List<String[]>> foreignKeys) {

        static Catalog read(Connection c) throws SQLException {
            return new Catalog(
                    byFirst(query(c, "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
                            + "FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid", 7)),
                    byFirst(query(c, "SELECT m.name, i.name, i.\"unique\", i.origin "
                            + "FROM sqlite_master m JOIN pragma_index_list(m.name) i WHERE m.type = 'table' ORDER BY m.name, i.seq", 4)),
                    byFirst(query(c, "SELECT m.name, x.name, x.key FROM sqlite_master m JOIN pragma_index_xinfo(m.name) x "
                            + "WHERE m.type = 'index' ORDER BY m.name, x.seqno", 3)),
                    byFirst(query(c, "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_delete "
                            + "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' "
                            + "ORDER BY m.name, f.id, f.seq", 7)));
        }

        /** Rows keyed by their first value (a table's or an index's name, case-insensitively), without it. */
        private static Map<String, List<String[]>> byFirst(List<String[]> rows) {
            Map<String, List<String[]>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String[] row : rows) {
                map.computeIfAbsent(row[0], k -> new ArrayList<>()).add(java.util.Arrays.copyOfRange(row, 1, row.length));
            }
            return map;
        }

        /** name, type, notnull, dflt_value, pk, hidden. */
        List<String[]> columns(String table) {
            return columns.getOrDefault(table, List.of());
        }

        /** name, unique, origin. */
        List<String[]> indexes(String table) {
            return indexes.getOrDefault(table, List.of());
        }

        /** name, key, in index order. */
        List<String[]> indexColumns(String index) {
            return indexColumns.getOrDefault(index, List.of());
        }

        /** id, seq, table, from, to, on_delete. */
        List<String[]> foreignKeys(String table) {
            return foreignKeys.getOrDefault(table, List.of());
        }
    }

    /** Each name as the table spells it (a REFERENCES clause or an index may spell it in another case). */
    private static List<String> spelled(List<String> names, Map<String, String> spelling) {
        return names.stream().map(n -> n == null ? null : spelling.getOrDefault(n, n)).toList();
    }

    private static List<CheckConstraint> checks(String createSql) {
        return createSql == null ? List.of() : CreateTableSqlParser.checks(createSql);
    }

    private static List<String[]> query(Connection c, String sql, int width) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
