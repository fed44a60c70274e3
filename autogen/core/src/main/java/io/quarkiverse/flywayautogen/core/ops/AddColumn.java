package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Column;

public record AddColumn(String table, Column column) implements Operation {
    public Operation reverse() { return new DropColumn(table, column); }
    public boolean destructive() { return false; }
    public String describe() { return "add column " + table + "." + column.name() + " " + Describe.column(column); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.addColumn(this); }
}
