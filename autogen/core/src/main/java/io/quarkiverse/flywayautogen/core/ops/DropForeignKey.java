package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.ForeignKey;

public record DropForeignKey(String table, ForeignKey foreignKey) implements Operation {
    public Operation reverse() { return new AddForeignKey(table, foreignKey); }
    public boolean destructive() { return false; }
    public String describe() {
        return "drop foreign key " + table + Describe.cols(foreignKey.columns()) + " -> " + foreignKey.referencedTable()
                + " on delete " + foreignKey.onDelete().toLowerCase(java.util.Locale.ROOT);
    }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropForeignKey(this); }
}
