package io.quarkiverse.flywayautogen.core.model;

import java.util.List;

/**
 * A foreign key. {@code onDelete} is normalised to upper case with "NO ACTION" as the default. Compared without
 * its name for the same reason as {@link UniqueConstraint}.
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         String onDelete) {

    public static final String NO_ACTION = "NO ACTION";

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null || onDelete.isBlank() ? NO_ACTION : onDelete.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public ForeignKey withReferencedTable(String table) {
        return new ForeignKey(name, columns, table, referencedColumns, onDelete);
    }

    String sortKey() {
        return String.join(",", columns) + "->" + referencedTable + "(" + String.join(",", referencedColumns) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForeignKey other && columns.equals(other.columns) && referencedTable.equals(other.referencedTable)
                && referencedColumns.equals(other.referencedColumns) && onDelete.equals(other.onDelete);
    }

    @Override
    public int hashCode() {
        return sortKey().hashCode() * 31 + onDelete.hashCode();
    }
}
