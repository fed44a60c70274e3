package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.ForeignKey;

public record AddForeignKey(String table, ForeignKey foreignKey) implements Operation {
    public Operation reverse() { return new DropForeignKey(table, foreignKey); }
    public boolean destructive() { return false; }
    public String describe() {
        return "add foreign key " + table + Describe.cols(foreignKey.columns()) + " -> " + foreignKey.referencedTable()
                + Describe.cols(foreignKey.referencedColumns()) + " on delete " + foreignKey.onDelete().toLowerCase(java.util.Locale.ROOT);
    }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.addForeignKey(this); }
}
