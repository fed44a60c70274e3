package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.dialect.SchemaReader;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.model.SqlText;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the connection's database through information_schema into the model the desired side produces for
 * Hibernate's MariaDBDialect, one query per kind for all tables. What MariaDB adds on its own is left out so it
 * compares equal: the index InnoDB creates for a foreign key without one (named after the key), the
 * {@code json_valid} check of a {@code json} column, and the primary key's name ({@code PRIMARY}, read as none: the
 * model does not compare it). A unique index is a unique constraint in MariaDB, and is read as one.
 */
public final class MariaDbSchemaReader implements SchemaReader {

    private static final String TABLES = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
            + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> ? ORDER BY TABLE_NAME";
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION";
    private static final String KEYS = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,"
            + " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, rc.DELETE_RULE FROM information_schema.TABLE_CONSTRAINTS tc"
            + " JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND rc.TABLE_NAME = tc.TABLE_NAME AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.CONSTRAINT_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
            + " ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    private static final String CHECKS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME";
    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 1 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    private static final String SEQUENCES = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
            + " AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME";

    @Override
    public Schema read(Connection connection) {
        try {
            Map<String, TableParts> parts = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
                ps.setString(1, FLYWAY_HISTORY_TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parts.put(rs.getString(1), new TableParts(rs.getString(1)));
                    }
                }
            }
            readColumns(connection, parts);
            readKeys(connection, parts);
            readChecks(connection, parts);
            readIndexes(connection, parts);
            return Schema.of(parts.values().stream().map(TableParts::table).toList()).withSequences(sequences(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the MariaDB schema: " + e.getMessage(), e);
        }
    }

    private static final class TableParts {
        final String name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey pk = PrimaryKey.none();
        final Map<String, List<String>> uniques = new LinkedHashMap<>();
        final Map<String, ForeignKeyParts> fks = new LinkedHashMap<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, List<String>> indexes = new LinkedHashMap<>();

        TableParts(String name) {
            this.name = name;
        }

        Table table() {
            List<ForeignKey> foreignKeys = fks.entrySet().stream().map(e -> new ForeignKey(e.getKey(), e.getValue().columns,
                    e.getValue().parent, e.getValue().parentColumns, e.getValue().onDelete)).toList();
            List<Index> ownIndexes = indexes.entrySet().stream()
                    .filter(e -> !(fks.containsKey(e.getKey()) && fks.get(e.getKey()).columns.equals(e.getValue())))
                    .map(e -> new Index(e.getKey(), e.getValue(), false)).toList();
            return new Table(name, columns, pk, uniques.entrySet().stream().map(e -> new UniqueConstraint(e.getKey(), e.getValue())).toList(),
                    ownIndexes, foreignKeys, checks);
        }
    }

    private static final class ForeignKeyParts {
        final List<String> columns = new ArrayList<>();
        final List<String> parentColumns = new ArrayList<>();
        String parent;
        String onDelete;
    }

    private static void readColumns(Connection c, Map<String, TableParts> parts) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COLUMNS)) {
            while (rs.next()) {
                TableParts t = parts.get(rs.getString(1));
                if (t == null) {
                    continue;
                }
                boolean identity = rs.getString(6).toLowerCase(java.util.Locale.ROOT).contains("auto_increment");
                ColumnType type = identity ? MariaDbTypes.autoIncrement(rs.getString(3)) : MariaDbTypes.RULES.type(rs.getString(3));
                t.columns.add(new Column(rs.getString(2), type, "YES".equals(rs.getString(4)), normaliseDefault(rs.getString(5)), null));
            }
        }
    }

    /** information_schema spells {@code current_timestamp()} and bit literals {@code b'1'}; the model as the desired side. */
    static String normaliseDefault(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.matches("(?i)current_timestamp(\\(\\))?")) {
            return "CURRENT_TIMESTAMP";
        }
        if (s.matches("(?i)b'[01]+'")) {
            return String.valueOf(Long.parseLong(s.substring(2, s.length() - 1), 2));
        }
        return SqlText.normaliseDefault(s);
    }

    private static void readKeys(Connection c, Map<String, TableParts> parts) throws SQLException {
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(KEYS)) {
            while (rs.next()) {
                TableParts t = parts.get(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String name = rs.getString(2);
                switch (rs.getString(3)) {
                    case "PRIMARY KEY" -> primaryKeys.computeIfAbsent(t.name, k -> new ArrayList<>()).add(rs.getString(4));
                    case "UNIQUE" -> t.uniques.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getString(4));
                    default -> {
                        ForeignKeyParts fk = t.fks.computeIfAbsent(name, k -> new ForeignKeyParts());
                        fk.columns.add(rs.getString(4));
                        fk.parentColumns.add(rs.getString(6));
                        fk.parent = rs.getString(5);
                        fk.onDelete = onDelete(rs.getString(7));
                    }
                }
            }
        }
        primaryKeys.forEach((table, columns) -> parts.get(table).pk = new PrimaryKey(null, columns));
    }

    /** InnoDB's default, RESTRICT, is checked as NO ACTION is (immediately): one rule, as the desired side spells it. */
    private static String onDelete(String rule) {
        return rule == null || rule.equals("RESTRICT") || rule.equals("NO ACTION") ? ForeignKey.NO_ACTION : rule;
    }

    private static void readChecks(Connection c, Map<String, TableParts> parts) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(CHECKS)) {
            while (rs.next()) {
                TableParts t = parts.get(rs.getString(1));
                String clause = rs.getString(3);
                if (t == null || Objects.equals(SqlText.normaliseExpression(clause), "json_valid(" + rs.getString(2) + ")")) {
                    continue;
                }
                t.checks.add(new CheckConstraint(rs.getString(2), checkExpression(clause)));
            }
        }
    }

    /** MariaDB stores {@code length(x)} as {@code octet_length(x)}, its synonym: read back as Hibernate writes it. */
    static String checkExpression(String clause) {
        return SqlText.normaliseExpression(clause).replaceAll("(?<![a-z0-9_])octet_length\\(", "length(");
    }

    private static void readIndexes(Connection c, Map<String, TableParts> parts) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(INDEXES)) {
            while (rs.next()) {
                TableParts t = parts.get(rs.getString(1));
                if (t != null) {
                    t.indexes.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
        }
    }

    private static List<Sequence> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SEQUENCES)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        for (String name : names) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT start_value, increment FROM " + MariaDbDdl.q(name))) {
                rs.next();
                sequences.add(new Sequence(name, rs.getLong(1), rs.getLong(2)));
            }
        }
        return sequences;
    }
}
