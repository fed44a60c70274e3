package io.quarkiverse.flywayautogen.core.selfcheck;

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
 * parents first, foreign keys pointing at real parent rows, distinct values for unique columns, and values
 * taken from CHECK expressions (first IN-list literal, BETWEEN lower bound, comparison bound).
 */
public final class SampleRows {

    public static final int ROWS_PER_TABLE = 3;

    private SampleRows() {
    }

    /** Inserts the rows and returns notes for rows that could not be inserted (the self-check still runs). */
    public static List<String> insert(Connection connection, Schema schema, TypeRules types) {
        return insert(connection, schema, schema, types);
    }

    /**
     * As {@link #insert(Connection, Schema, TypeRules)}, where a text column the script converts to another type
     * holds that type's value as text: a database that converts stored values (PostgreSQL's {@code USING}) must
     * then succeed on them, so the self-check tries the conversion rather than a value no conversion takes.
     */
    public static List<String> insert(Connection connection, Schema current, Schema expected, TypeRules types) {
        // an enum type losing values keeps rows only of the values it keeps: sample those, as the data must be
        Schema schema = current.withEnumTypes(current.enumTypes().stream().map(e -> expected.enumType(e.name())
                .map(after -> new EnumType(e.name(), e.values().stream().filter(after.values()::contains).toList()))
                .filter(kept -> !kept.values().isEmpty()).orElse(e)).toList());
        List<String> notes = new ArrayList<>();
        Map<String, List<Map<String, Object>>> inserted = new HashMap<>();
        for (Table table : TableOrder.parentsFirst(schema.tables())) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= ROWS_PER_TABLE; i++) {
                Map<String, Object> row = row(schema, expected, table, i, inserted, types);
                try {
                    insertRow(connection, table.name(), row);
                    rows.add(row);
                } catch (SQLException e) {
                    notes.add("sample row " + i + " not inserted into " + table.name() + ": " + e.getMessage());
                }
            }
            inserted.put(table.name(), rows);
        }
        return notes;
    }

    private static Map<String, Object> row(Schema schema, Schema expected, Table table, int i,
                                           Map<String, List<Map<String, Object>>> inserted, TypeRules types) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        Optional<Table> after = expected.table(table.name());
        for (Column c : table.columns()) {
            Object value = sample(schema, table, c, i, types);
            Optional<Column> converted = after.flatMap(t -> t.column(c.name())).filter(a -> !a.type().equals(c.type()));
            if (converted.isPresent() && value instanceof String && checkValue(table, c, i) == null
                    && "TEXT".equals(types.storageClass(c.type())) && !"TEXT".equals(types.storageClass(converted.get().type()))) {
                Object target = sample(expected, after.get(), converted.get(), i, types);
                value = target instanceof ParsedByDatabase parsed ? parsed.text() : target instanceof byte[] ? value : String.valueOf(target);
            }
            row.put(c.name(), value);
        }
        for (ForeignKey fk : table.foreignKeys()) {
            List<Map<String, Object>> parentRows = fk.referencedTable().equals(table.name())
                    ? List.of(row) : inserted.getOrDefault(fk.referencedTable(), List.of());
            Map<String, Object> parent = parentRows.isEmpty() ? null : parentRows.get((i - 1) % parentRows.size());
            for (int k = 0; k < fk.columns().size(); k++) {
                row.put(fk.columns().get(k), parent == null ? null : parent.get(fk.referencedColumns().get(k)));
            }
        }
        return row;
    }

    private static Object sample(Schema schema, Table table, Column c, int i, TypeRules types) {
        Optional<String> text = types.sampleText(c.type(), schema, i);
        return text.isPresent() ? new ParsedByDatabase(text.get()) : value(table, c, i, types);
    }

    private static Object checkValue(Table table, Column c, int i) {
        for (CheckConstraint check : table.checks()) {
            Object fromCheck = valueFromCheck(check.expression(), c.name(), i);
            if (fromCheck != null) {
                return fromCheck;
            }
        }
        return null;
    }

    private static Object value(Table table, Column c, int i, TypeRules types) {
        Object fromCheck = checkValue(table, c, i);
        if (fromCheck != null) {
            return fromCheck;
        }
        String declared = c.type().declared().toLowerCase(Locale.ROOT);
        switch (types.storageClass(c.type())) {
            case "INTEGER":
                return declared.startsWith("bool") ? i % 2 : (long) i;
            case "REAL":
                return i + 0.5;
            case "BLOB":
                return new byte[]{(byte) i};
            case "NUMERIC":
                if (declared.contains("date") || declared.contains("time")) {
                    return declared.equals("date") ? "2024-01-0" + i : "2024-01-0" + i + " 10:00:00";
                }
                return declared.startsWith("bool") ? i % 2 : (long) i;
            default:
                return "sample " + c.name() + " " + i;
        }
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

    private static void insertRow(Connection c, String table, Map<String, Object> row) throws SQLException {
        List<String> cols = new ArrayList<>(row.keySet());
        String sql = "INSERT INTO \"" + table + "\" (" + String.join(", ", cols.stream().map(n -> "\"" + n + "\"").toList())
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
