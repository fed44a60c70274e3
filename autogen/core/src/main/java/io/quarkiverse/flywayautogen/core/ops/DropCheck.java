package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;

public record DropCheck(String table, CheckConstraint check) implements Operation {
    public Operation reverse() { return new AddCheck(table, check); }
    public boolean destructive() { return false; }
    public String describe() { return "drop check on " + table + ": " + check.expression(); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropCheck(this); }
}
