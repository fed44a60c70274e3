package dev.flywayautogen.core.postgresql;

import dev.flywayautogen.core.dialect.SchemaReader;
import dev.flywayautogen.core.model.CheckConstraint;
import dev.flywayautogen.core.model.Column;
import dev.flywayautogen.core.model.ColumnType;
import dev.flywayautogen.core.model.EnumType;
import dev.flywayautogen.core.model.ForeignKey;
import dev.flywayautogen.core.model.Index;
import dev.flywayautogen.core.model.PrimaryKey;
import dev.flywayautogen.core.model.Schema;
import dev.flywayautogen.core.model.Sequence;
import dev.flywayautogen.core.model.Table;
import dev.flywayautogen.core.model.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private static final String COLUMNS = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), a.attidentity FROM pg_attribute a"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    /** Column names in key order, for a constraint's or an index's column numbers. */
    private static final String NAMES = "ARRAY(SELECT a.attname FROM unnest(%s) WITH ORDINALITY k(n, o)"
            + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.n ORDER BY k.o)";
    private static final String CONSTRAINTS = "SELECT con.conname, con.contype, " + NAMES.formatted("con.conkey", "con.conrelid")
            + ", fc.relname, " + NAMES.formatted("con.confkey", "con.confrelid") + ", con.confdeltype,"
            + " pg_get_expr(con.conbin, con.conrelid) FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid"
            + " WHERE con.conrelid = ? AND con.contype IN ('p', 'u', 'f', 'c') ORDER BY con.conname";
    private static final String INDEXES = "SELECT ic.relname, i.indisunique, " + NAMES.formatted("i.indkey::int2[]", "i.indrelid")
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " WHERE i.indrelid = ? AND i.indexprs IS NULL AND i.indpred IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid)"
            + " ORDER BY ic.relname";

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
            List<Table> tables = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
                ps.setString(1, FLYWAY_HISTORY_TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(new TableRef(rs.getLong(1), rs.getString(2)).read(connection));
                    }
                }
            }
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

    private record TableRef(long oid, String name) {

        Table read(Connection c) throws SQLException {
            List<Column> columns = columns(c);
            PrimaryKey pk = PrimaryKey.none();
            List<UniqueConstraint> uniques = new ArrayList<>();
            List<ForeignKey> fks = new ArrayList<>();
            List<CheckConstraint> checks = new ArrayList<>();
            try (ResultSet rs = query(c, CONSTRAINTS)) {
                while (rs.next()) {
                    String constraint = rs.getString(1);
                    List<String> cols = names(rs.getArray(3));
                    switch (rs.getString(2)) {
                        case "p" -> pk = new PrimaryKey(constraint, cols);
                        case "u" -> uniques.add(new UniqueConstraint(constraint, cols));
                        case "f" -> fks.add(new ForeignKey(constraint, cols, rs.getString(4), names(rs.getArray(5)),
                                onDelete(rs.getString(6))));
                        default -> checks.add(new CheckConstraint(constraint, PostgresExpressions.normaliseCheck(rs.getString(7))));
                    }
                }
            }
            List<Index> indexes = new ArrayList<>();
            try (ResultSet rs = query(c, INDEXES)) {
                while (rs.next()) {
                    indexes.add(new Index(rs.getString(1), names(rs.getArray(3)), rs.getBoolean(2)));
                }
            }
            return new Table(name, columns, pk, uniques, indexes, fks, checks);
        }

        private List<Column> columns(Connection c) throws SQLException {
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = query(c, COLUMNS)) {
                while (rs.next()) {
                    boolean identity = !rs.getString(5).isEmpty();
                    // a serial's nextval default numbers the rows as an identity does: Hibernate's IDENTITY works on both
                    boolean serial = !identity && rs.getString(4) != null && rs.getString(4).startsWith("nextval(");
                    ColumnType type = identity ? PostgresTypes.RULES.identity(rs.getString(2))
                            : serial ? PostgresTypes.serial(rs.getString(2), rs.getString(4)) : PostgresTypes.RULES.type(rs.getString(2));
                    columns.add(new Column(rs.getString(1), type, !rs.getBoolean(3), PostgresExpressions.normaliseDefault(rs.getString(4))));
                }
            }
            return columns;
        }

        private ResultSet query(Connection c, String sql) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            ps.closeOnCompletion();
            ps.setLong(1, oid);
            return ps.executeQuery();
        }
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
