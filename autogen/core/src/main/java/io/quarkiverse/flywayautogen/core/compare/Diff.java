package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.List;

/** The operations that turn the current schema into the desired one, plus warnings (e.g. possible renames). */
public record Diff(List<Operation> operations, List<Warning> warnings) {
    public Diff {
        operations = List.copyOf(operations);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
