package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Table;

/** Carries the full definition so that the undo can recreate the (empty) table. */
public record DropTable(Table definition) implements Operation {
    public String table() { return definition.name(); }
    public Operation reverse() { return new CreateTable(definition); }
    public boolean destructive() { return true; }
    public String describe() { return "drop table " + definition.name(); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropTable(this); }
}
