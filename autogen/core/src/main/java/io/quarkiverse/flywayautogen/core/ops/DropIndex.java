package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Index;

public record DropIndex(String table, Index index) implements Operation {
    public Operation reverse() { return new CreateIndex(table, index); }
    public boolean destructive() { return false; }
    public String describe() { return "drop index " + index.name() + " on " + table; }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropIndex(this); }
}
