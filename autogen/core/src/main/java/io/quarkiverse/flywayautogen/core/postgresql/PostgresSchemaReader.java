package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.SchemaReader;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ColumnType;
import io.quarkiverse.flywayautogen.core.model.EnumType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the current schema (the connection's {@code current_schema()}) through pg_catalog into the model the
 * desired side produces for Hibernate's PostgreSQLDialect: types through {@link PostgresTypes}, defaults and
 * checks through {@link PostgresExpressions}, keys, uniques, foreign keys and checks from {@code pg_constraint},
 * the indexes no constraint owns from {@code pg_index}, the sequences no column owns, and the enum types. Expression and partial indexes are not modelled and
 * are left out. Names are read as stored: the engine's DDL quotes them, Hibernate's folds them to lower case.
 */
public final class PostgresSchemaReader implements SchemaReader {

    private static final String TABLES = "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> ? ORDER BY c.relname";
    // One query each for all tables' columns, constraints and indexes (by oid, ? = the tables' oids): a schema of a
    // thousand tables is read in a handful of round trips, not four thousand.
    private static final String COLUMNS = "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(a.attrelid, a.attnum) FROM pg_attribute a"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = ANY(?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum";
    /** Column names in key order, for a constraint's or an index's column numbers. */
    private static final String NAMES = "ARRAY(SELECT a.attname FROM unnest(%s) WITH ORDINALITY k(n, o)"
            + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.n ORDER BY k.o)";
    private static final String CONSTRAINTS = "SELECT con.conrelid, con.conname, con.contype, " + NAMES.formatted("con.conkey", "con.conrelid")
            + ", fc.relname, " + NAMES.formatted("con.confkey", "con.confrelid") + ", con.confdeltype,"
            + " pg_get_expr(con.conbin, con.conrelid) FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid"
            + " WHERE con.conrelid = ANY(?::oid[]) AND con.contype IN ('p', 'u', 'f', 'c') ORDER BY con.conrelid, con.conname";
    private static final String INDEXES = "SELECT i.indrelid, ic.relname, i.indisunique, " + NAMES.formatted("i.indkey::int2[]", "i.indrelid")
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " WHERE i.indrelid = ANY(?::oid[]) AND i.indexprs IS NULL AND i.indpred IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid)"
            + " ORDER BY i.indrelid, ic.relname";

    /** Sequences of the schema, without those an identity or serial column owns (pg_depend 'i' and 'a'). */
    private static final String SEQUENCES = "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid"
            + " WHERE n.nspname = current_schema() AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
            + " WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('i', 'a'))";

    /** Enum types of the schema with their values in sort order (pg_enum.enumsortorder). */
    private static final String ENUM_TYPES = "SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_type t"
            + " JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
            + " WHERE n.nspname = current_schema() GROUP BY t.typname";

    /** Expression and partial indexes, which the model does not hold, with their definition. */
    private static final String NOT_MODELLED_INDEXES = "SELECT ic.relname, tc.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = tc.relnamespace WHERE n.nspname = current_schema()"
            + " AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL) ORDER BY tc.relname, ic.relname";

    @Override
    public List<String> notCompared(Connection connection) {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(NOT_MODELLED_INDEXES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add("index " + rs.getString(1) + " on " + rs.getString(2) + " is an expression or partial index,"
                        + " which Hibernate does not declare: not compared, left as it is (" + rs.getString(3) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the PostgreSQL indexes: " + e.getMessage(), e);
        }
        return lines;
    }

    @Override
    public Schema read(Connection connection) {
        try {
            Map<Long, TableParts> parts = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
                ps.setString(1, FLYWAY_HISTORY_TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parts.put(rs.getLong(1), new TableParts(rs.getString(2)));
                    }
                }
            }
            Array oids = connection.createArrayOf("bigint", parts.keySet().toArray());
            readColumns(connection, oids, parts);
            readConstraints(connection, oids, parts);
            readIndexes(connection, oids, parts);
            List<Table> tables = parts.values().stream().map(TableParts::table).toList();
            List<Sequence> sequences = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(SEQUENCES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequences.add(new Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            List<EnumType> enumTypes = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(ENUM_TYPES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    enumTypes.add(new EnumType(rs.getString(1), names(rs.getArray(2))));
                }
            }
            return Schema.of(tables).withSequences(sequences).withEnumTypes(enumTypes);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the PostgreSQL schema: " + e.getMessage(), e);
        }
    }

    /** One table's parts as the batched queries deliver them. */
    private static final class TableParts {
        final String name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey pk = PrimaryKey.none();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> fks = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        TableParts(String name) {
            this.name = name;
        }

        Table table() {
            return new Table(name, columns, pk, uniques, indexes, fks, checks);
        }
    }

    private static void readColumns(Connection c, Array oids, Map<Long, TableParts> parts) throws SQLException {
        try (PreparedStatement ps = query(c, COLUMNS, oids); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boolean identity = !rs.getString(6).isEmpty();
                String defaultText = rs.getString(5);
                // a serial's nextval default numbers the rows as an identity does: Hibernate's IDENTITY works on both
                boolean serial = !identity && defaultText != null && defaultText.startsWith("nextval(");
                ColumnType type = identity ? PostgresTypes.RULES.identity(rs.getString(3))
                        : serial ? PostgresTypes.serial(rs.getString(3), defaultText) : PostgresTypes.RULES.type(rs.getString(3));
                parts.get(rs.getLong(1)).columns.add(new Column(rs.getString(2), type, !rs.getBoolean(4),
                        PostgresExpressions.normaliseDefault(defaultText), rs.getString(7)));
            }
        }
    }

    private static void readConstraints(Connection c, Array oids, Map<Long, TableParts> parts) throws SQLException {
        try (PreparedStatement ps = query(c, CONSTRAINTS, oids); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableParts t = parts.get(rs.getLong(1));
                String constraint = rs.getString(2);
                List<String> cols = names(rs.getArray(4));
                switch (rs.getString(3)) {
                    case "p" -> t.pk = new PrimaryKey(constraint, cols);
                    case "u" -> t.uniques.add(new UniqueConstraint(constraint, cols));
                    case "f" -> t.fks.add(new ForeignKey(constraint, cols, rs.getString(5), names(rs.getArray(6)),
                            onDelete(rs.getString(7))));
                    default -> t.checks.add(new CheckConstraint(constraint, PostgresExpressions.normaliseCheck(rs.getString(8))));
                }
            }
        }
    }

    private static void readIndexes(Connection c, Array oids, Map<Long, TableParts> parts) throws SQLException {
        try (PreparedStatement ps = query(c, INDEXES, oids); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.get(rs.getLong(1)).indexes.add(new Index(rs.getString(2), names(rs.getArray(4)), rs.getBoolean(3)));
            }
        }
    }

    private static PreparedStatement query(Connection c, String sql, Array oids) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setArray(1, oids);
        return ps;
    }

    private static List<String> names(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** {@code pg_constraint.confdeltype}: a = no action, r = restrict, c = cascade, n = set null, d = set default. */
    private static String onDelete(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> ForeignKey.NO_ACTION;
        };
    }
}
