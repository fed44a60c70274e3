package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Column;

public record DropColumn(String table, Column column) implements Operation {
    public Operation reverse() {
        if (!column.nullable() && !column.hasDefault()) {
            throw new IrreversibleOperation("dropping " + table + "." + column.name()
                    + " cannot be undone: it is NOT NULL without a default, so existing rows have no value to re-add");
        }
        return new AddColumn(table, column);
    }
    public boolean destructive() { return true; }
    public String describe() { return "drop column " + table + "." + column.name(); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropColumn(this); }
}
