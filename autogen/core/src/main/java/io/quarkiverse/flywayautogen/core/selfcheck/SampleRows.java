package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.model.StorageClass;
import io.quarkiverse.flywayautogen.core.compare.TableOrder;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.EnumType;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.TypeRules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inserts a few type-appropriate rows into every table so that a script is tried on data, not on empty tables:
 * parents first (over the foreign keys the tables have and the ones the script adds), every foreign key pointing at
 * a parent row already stored, distinct values for unique columns, text within the column's length, and values
 * taken from CHECK expressions (first IN-list literal, BETWEEN lower bound, comparison bound). A self-reference
 * points at the row before (the first row's is null, or the row itself when the column may not be null); a row
 * whose required reference has no parent row to point at is left out, with a note, rather than stored with a NULL
 * the schema or the script does not allow.
 */
public final class SampleRows {

    public static final int ROWS_PER_TABLE = 3;

    private SampleRows() {
    }

    /** Inserts the rows and returns notes for rows that could not be inserted (the self-check still runs). */
    public static List<String> insert(Connection connection, Schema schema, Dialect dialect) {
        return insert(connection, schema, schema, dialect);
    }

    /**
     * As {@link #insert(Connection, Schema, Dialect)}, consistent with the script that turns {@code current} into
     * {@code expected}: a text column the script converts to another type holds that type's value as text (a
     * database that converts stored values, PostgreSQL's {@code USING}, must then succeed on them), a foreign key the
     * script adds finds its parent row, a CHECK it adds is met, and a column it makes NOT NULL holds a value. Only
     * the tables of {@code current} are filled: the caller narrows it to the change's {@link SampleScope}.
     * <p>
     * All rows in one transaction, each under a savepoint: a row the database refuses is rolled back alone and noted
     * (PostgreSQL refuses every later statement of a transaction after a failure), and one commit instead of one per
     * row spares PostgreSQL a WAL flush per row.
     */
    public static List<String> insert(Connection connection, Schema current, Schema expected, Dialect dialect) {
        TypeRules types = dialect.types();
        // an enum type losing values keeps rows only of the values it keeps: sample those, as the data must be
        Schema schema = current.withEnumTypes(current.enumTypes().stream().map(e -> expected.enumType(e.name())
                .map(after -> new EnumType(e.name(), e.values().stream().filter(after.values()::contains).toList()))
                .filter(kept -> !kept.values().isEmpty()).orElse(e)).toList());
        List<String> notes = new ArrayList<>();
        Map<String, List<Map<String, Object>>> inserted = new HashMap<>();
        List<Table> withAddedKeys = schema.tables().stream().map(t -> t.withForeignKeys(foreignKeys(schema, expected, t))).toList();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (Table table : parentsFirst(withAddedKeys, expected)) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    Optional<Table> after = expected.table(table.name());
                    for (int i = 1; i <= ROWS_PER_TABLE; i++) {
                        Map<String, Object> row = row(schema, expected, table, i, inserted, rows, types);
                        Optional<String> orphan = missingRequiredParent(table, after, row, inserted);
                        if (orphan.isPresent()) {
                            notes.add("sample row " + i + " not inserted into " + table.name() + ": " + orphan.get());
                            continue;
                        }
                        Savepoint savepoint = connection.setSavepoint();
                        try {
                            insertRow(connection, dialect, table.name(), row);
                            connection.releaseSavepoint(savepoint);
                            rows.add(row);
                        } catch (SQLException e) {
                            connection.rollback(savepoint);
                            notes.add("sample row " + i + " not inserted into " + table.name() + ": " + e.getMessage());
                        }
                    }
                    inserted.put(table.name(), rows);
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store sample rows: " + e.getMessage(), e);
        }
        return notes;
    }

    /**
     * Every table after the tables it references; in a cycle, the table whose reference may be null goes first (its
     * rows wait with NULL there), so that a required reference always finds its parent rows.
     */
    private static List<Table> parentsFirst(List<Table> tables, Schema expected) {
        List<Table> order = TableOrder.parentsFirst(tables);
        List<String> names = order.stream().map(Table::name).toList();
        boolean requiredForward = order.stream().anyMatch(t -> t.foreignKeys().stream().anyMatch(fk ->
                names.indexOf(fk.referencedTable()) > names.indexOf(t.name()) && required(t, expected.table(t.name()), fk)));
        if (!requiredForward) {
            return order;
        }
        return TableOrder.parentsFirst(tables.stream().map(t -> t.withForeignKeys(t.foreignKeys().stream()
                .filter(fk -> required(t, expected.table(t.name()), fk)).toList())).toList()).stream()
                .map(t -> tables.stream().filter(o -> o.name().equals(t.name())).findFirst().orElseThrow()).toList();
    }

    private static boolean required(Table table, Optional<Table> after, ForeignKey fk) {
        return fk.columns().stream().anyMatch(col -> !nullable(table, after, col));
    }

    /** The table's foreign keys, and those the script adds whose columns and parent are there before it runs. */
    private static List<ForeignKey> foreignKeys(Schema current, Schema expected, Table table) {
        List<ForeignKey> keys = new ArrayList<>(table.foreignKeys());
        expected.table(table.name()).ifPresent(after -> after.foreignKeys().stream()
                .filter(fk -> !keys.contains(fk))
                .filter(fk -> fk.columns().stream().allMatch(col -> table.column(col).isPresent()))
                .filter(fk -> current.table(fk.referencedTable())
                        .map(parent -> fk.referencedColumns().stream().allMatch(col -> parent.column(col).isPresent())).orElse(false))
                .forEach(keys::add));
        return keys;
    }

    /** A reference left null that the table or the script requires: such a row would only test the sample. */
    private static Optional<String> missingRequiredParent(Table table, Optional<Table> after, Map<String, Object> row,
                                                         Map<String, List<Map<String, Object>>> inserted) {
        for (ForeignKey fk : table.foreignKeys()) {
            boolean unset = fk.columns().stream().anyMatch(col -> row.get(col) == null);
            if (unset && required(table, after, fk)) {
                return Optional.of("no row of " + fk.referencedTable() + " for its required " + String.join(", ", fk.columns())
                        + (inserted.getOrDefault(fk.referencedTable(), List.of()).isEmpty() ? " (none was stored there)" : ""));
            }
        }
        return Optional.empty();
    }

    private static boolean nullable(Table table, Optional<Table> after, String column) {
        return table.column(column).map(Column::nullable).orElse(true)
                && after.flatMap(t -> t.column(column)).map(Column::nullable).orElse(true);
    }

    private static Map<String, Object> row(Schema schema, Schema expected, Table table, int i,
                                           Map<String, List<Map<String, Object>>> inserted, List<Map<String, Object>> earlier,
                                           TypeRules types) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        Optional<Table> after = expected.table(table.name());
        for (Column c : table.columns()) {
            Object value = sample(schema, table, after, c, i, types);
            Optional<Column> converted = after.flatMap(t -> t.column(c.name())).filter(a -> !a.type().equals(c.type()));
            if (converted.isPresent() && value instanceof String && checkValue(table, after, c, i) == null
                    && types.storageClass(c.type()) == StorageClass.TEXT && types.storageClass(converted.get().type()) != StorageClass.TEXT) {
                Object target = sample(expected, after.get(), after, converted.get(), i, types);
                value = target instanceof ParsedByDatabase parsed ? parsed.text() : target instanceof byte[] ? value : String.valueOf(target);
            }
            row.put(c.name(), value);
        }
        for (ForeignKey fk : table.foreignKeys()) {
            Map<String, Object> parent;
            if (fk.referencedTable().equals(table.name())) {
                // a hierarchy: each row under the one before; the first is a root (its own parent when it must have one)
                parent = earlier.isEmpty() ? (required(table, after, fk) ? row : null) : earlier.get(earlier.size() - 1);
            } else {
                List<Map<String, Object>> parentRows = inserted.getOrDefault(fk.referencedTable(), List.of());
                parent = parentRows.isEmpty() ? null : parentRows.get((i - 1) % parentRows.size());
            }
            for (int k = 0; k < fk.columns().size(); k++) {
                row.put(fk.columns().get(k), parent == null ? null : parent.get(fk.referencedColumns().get(k)));
            }
        }
        return row;
    }

    /**
     * Row {@code i} as the previous release writes it into {@code table} (a table of {@code previous}): only the
     * columns it had, values of their old types that meet its CHECKs and the ones {@code after} adds, and references
     * to the rows {@code written} holds for the parents (null when there is none).
     */
    static Map<String, Object> previousReleaseRow(Schema previous, Table table, Optional<Table> after, int i,
                                                  Map<String, Map<String, Object>> written, TypeRules types) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (Column c : table.columns()) {
            row.put(c.name(), sample(previous, table, after, c, i, types));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            Map<String, Object> parent = fk.referencedTable().equals(table.name()) ? null : written.get(fk.referencedTable());
            for (int k = 0; k < fk.columns().size(); k++) {
                row.put(fk.columns().get(k), parent == null ? null : parent.get(fk.referencedColumns().get(k)));
            }
        }
        return row;
    }

    private static Object sample(Schema schema, Table table, Optional<Table> after, Column c, int i, TypeRules types) {
        Optional<String> text = types.sampleText(c.type(), schema, i);
        return text.isPresent() ? new ParsedByDatabase(text.get()) : value(table, after, c, i, types);
    }

    /** A value the table's CHECKs take, or else the ones the script adds (the rows must pass both to survive it). */
    private static Object checkValue(Table table, Optional<Table> after, Column c, int i) {
        List<CheckConstraint> checks = new ArrayList<>(table.checks());
        after.ifPresent(t -> checks.addAll(t.checks()));
        for (CheckConstraint check : checks) {
            Object fromCheck = valueFromCheck(check.expression(), c.name(), i);
            if (fromCheck != null) {
                return fromCheck;
            }
        }
        return null;
    }

    private static Object value(Table table, Optional<Table> after, Column c, int i, TypeRules types) {
        Object fromCheck = checkValue(table, after, c, i);
        if (fromCheck != null) {
            return fromCheck;
        }
        String declared = c.type().declared().toLowerCase(Locale.ROOT);
        switch (types.storageClass(c.type())) {
            case INTEGER:
                // a boolean bound as one: PostgreSQL takes no integer into a boolean, SQLite stores it as 0 or 1
                return declared.startsWith("bool") ? Boolean.valueOf(i % 2 == 1) : (Object) (long) i;
            case REAL:
                return i + 0.5;
            case BLOB:
                return new byte[]{(byte) i};
            case NUMERIC:
                if (declared.contains("date") || declared.contains("time")) {
                    return declared.equals("date") ? "2024-01-0" + i : "2024-01-0" + i + " 10:00:00";
                }
                return declared.startsWith("bool") ? Boolean.valueOf(i % 2 == 1) : (Object) (long) i;
            case TEXT:
            default:
                return withinLength("sample " + c.name() + " " + i, c, i);
        }
    }

    /** PostgreSQL refuses text longer than {@code varchar(n)}: keep within it, the row number last (unique columns). */
    private static String withinLength(String text, Column c, int i) {
        List<Integer> args = c.type().arguments();
        String base = c.type().base();
        boolean bounded = base.contains("char") && args.size() == 1;
        if (!bounded || text.length() <= args.get(0)) {
            return text;
        }
        String suffix = String.valueOf(i);
        int room = Math.max(0, args.get(0) - suffix.length());
        return text.substring(0, Math.min(room, text.length())) + suffix;
    }

    private static Object valueFromCheck(String expression, String column, int i) {
        String col = Pattern.quote(column);
        Matcher in = Pattern.compile("(?<![a-z0-9_])" + col + " in\\((.*?)\\)").matcher(expression);
        if (in.find()) {
            List<String> literals = new ArrayList<>();
            Matcher lit = Pattern.compile("'((?:[^']|'')*)'|(-?\\d+(?:\\.\\d+)?)").matcher(in.group(1));
            while (lit.find()) {
                literals.add(lit.group(1) != null ? lit.group(1).replace("''", "'") : lit.group(2));
            }
            if (!literals.isEmpty()) {
                return literals.get((i - 1) % literals.size());
            }
        }
        Matcher between = Pattern.compile("(?<![a-z0-9_])" + col + " between (-?\\d+)").matcher(expression);
        if (between.find()) {
            return Long.parseLong(between.group(1));
        }
        Matcher cmp = Pattern.compile("(?<![a-z0-9_])" + col + "(>=|>)(-?\\d+)").matcher(expression);
        if (cmp.find()) {
            return Long.parseLong(cmp.group(2)) + (cmp.group(1).equals(">") ? i : i - 1);
        }
        return null;
    }

    /** A value bound untyped, for the database to parse into the column's type (see {@link TypeRules#sampleText}). */
    private record ParsedByDatabase(String text) {
    }

    static void insertRow(Connection c, Dialect dialect, String table, Map<String, Object> row) throws SQLException {
        List<String> cols = new ArrayList<>(row.keySet());
        String sql = "INSERT INTO " + dialect.quoteIdentifier(table) + " (" + String.join(", ", cols.stream().map(dialect::quoteIdentifier).toList())
                + ") VALUES (" + String.join(", ", cols.stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < cols.size(); k++) {
                if (row.get(cols.get(k)) instanceof ParsedByDatabase parsed) {
                    ps.setObject(k + 1, parsed.text(), Types.OTHER);
                } else {
                    ps.setObject(k + 1, row.get(cols.get(k)));
                }
            }
            ps.executeUpdate();
        }
    }
}
