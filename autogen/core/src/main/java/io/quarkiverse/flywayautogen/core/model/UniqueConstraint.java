package io.quarkiverse.flywayautogen.core.model;

import java.util.List;

/**
 * A UNIQUE constraint. Compared by its columns only: SQLite cannot rename a constraint and does not even report
 * its name (only an sqlite_autoindex), so a name-only difference would force a table rebuild for nothing.
 */
public record UniqueConstraint(String name, List<String> columns) {

    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UniqueConstraint other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }
}
