package io.quarkiverse.flywayautogen.core.model;

import java.util.List;

/** Primary key columns in key order; an empty list means the table has none. The name is not compared. */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }

    public static PrimaryKey none() {
        return new PrimaryKey(null, List.of());
    }

    public boolean isPresent() {
        return !columns.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrimaryKey other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }
}
