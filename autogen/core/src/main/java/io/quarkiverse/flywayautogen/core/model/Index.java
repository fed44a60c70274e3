package io.quarkiverse.flywayautogen.core.model;

import java.util.List;

/** A named index (CREATE INDEX), unique or not. Indexes can be dropped and created by name, so the name counts. */
public record Index(String name, List<String> columns, boolean unique) {

    public Index {
        columns = List.copyOf(columns);
    }
}
