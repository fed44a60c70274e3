package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

public record DropUnique(String table, UniqueConstraint unique) implements Operation {
    public Operation reverse() { return new AddUnique(table, unique); }
    public boolean destructive() { return false; }
    public String describe() { return "drop unique constraint on " + table + Describe.cols(unique.columns()); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropUnique(this); }
}
