package io.quarkiverse.flywayautogen.core.desired;

import java.util.Map;
import java.util.TreeMap;

/**
 * Declared renames: table renames (old name to new) and column renames per (new) table name (old column to new).
 * They come from {@code @RenamedFrom} on entities and from {@code --rename} options; only declared renames become
 * rename operations.
 */
public record RenameHints(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    public RenameHints {
        tables = new TreeMap<>(tables);
        TreeMap<String, Map<String, String>> copy = new TreeMap<>();
        columns.forEach((t, m) -> copy.put(t, new TreeMap<>(m)));
        columns = copy;
    }

    public static RenameHints none() {
        return new RenameHints(Map.of(), Map.of());
    }

    /** Parses {@code table.old=new} (column rename) or {@code old_table=new_table} (table rename). */
    public static RenameHints parse(String option) {
        String[] sides = option.split("=", -1);
        if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
            throw new IllegalArgumentException("a rename is table.old=new or old_table=new_table, got '" + option + "'");
        }
        String left = sides[0].trim();
        String right = sides[1].trim();
        int dot = left.indexOf('.');
        if (dot < 0) {
            return new RenameHints(Map.of(left, right), Map.of());
        }
        return new RenameHints(Map.of(), Map.of(left.substring(0, dot), Map.of(left.substring(dot + 1), right)));
    }

    public RenameHints merge(RenameHints other) {
        Map<String, String> t = new TreeMap<>(tables);
        t.putAll(other.tables);
        Map<String, Map<String, String>> c = new TreeMap<>();
        columns.forEach((k, v) -> c.put(k, new TreeMap<>(v)));
        other.columns.forEach((k, v) -> c.computeIfAbsent(k, x -> new TreeMap<>()).putAll(v));
        return new RenameHints(t, c);
    }

    /** Column renames declared for {@code table} (new table name), old name to new name. */
    public Map<String, String> columnsOf(String table) {
        return columns.getOrDefault(table, Map.of());
    }
}
