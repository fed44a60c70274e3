package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Table;

public record CreateTable(Table definition) implements Operation {
    public String table() { return definition.name(); }
    public Operation reverse() { return new DropTable(definition); }
    public boolean destructive() { return false; }
    public String describe() { return "create table " + definition.name(); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.createTable(this); }
}
