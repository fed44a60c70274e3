package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

public record AddUnique(String table, UniqueConstraint unique) implements Operation {
    public Operation reverse() { return new DropUnique(table, unique); }
    public boolean destructive() { return false; }
    public String describe() { return "add unique constraint on " + table + Describe.cols(unique.columns()); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.addUnique(this); }
}
