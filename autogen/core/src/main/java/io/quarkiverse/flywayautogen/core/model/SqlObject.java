package io.quarkiverse.flywayautogen.core.model;

/** A view or trigger kept verbatim: {@code table} is the table it is attached to (for a view, its own name). */
public record SqlObject(String name, String table, String sql) {
}
