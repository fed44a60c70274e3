package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Column;

/** Type, nullability and/or default change of one column (same name before and after). */
public record AlterColumn(String table, Column from, Column to) implements Operation {
    public Operation reverse() { return new AlterColumn(table, to, from); }
    public boolean destructive() { return from.type().narrowsTo(to.type()); }
    public boolean tightensToNotNull() { return from.nullable() && !to.nullable(); }
    public String describe() {
        return "alter column " + table + "." + to.name() + ": " + Describe.column(from) + " -> " + Describe.column(to);
    }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.alterColumn(this); }
}
