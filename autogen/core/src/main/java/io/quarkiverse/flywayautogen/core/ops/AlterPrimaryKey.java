package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.PrimaryKey;

public record AlterPrimaryKey(String table, PrimaryKey from, PrimaryKey to) implements Operation {
    public Operation reverse() { return new AlterPrimaryKey(table, to, from); }
    public boolean destructive() { return false; }
    public String describe() { return "alter primary key of " + table + ": " + Describe.cols(from.columns()) + " -> " + Describe.cols(to.columns()); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.alterPrimaryKey(this); }
}
