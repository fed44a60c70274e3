package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Index;

public record CreateIndex(String table, Index index) implements Operation {
    public Operation reverse() { return new DropIndex(table, index); }
    public boolean destructive() { return false; }
    public String describe() { return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table + Describe.cols(index.columns()); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.createIndex(this); }
}
