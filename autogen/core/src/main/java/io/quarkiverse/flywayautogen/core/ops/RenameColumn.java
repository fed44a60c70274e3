package io.quarkiverse.flywayautogen.core.ops;

public record RenameColumn(String table, String from, String to) implements Operation {
    public Operation reverse() { return new RenameColumn(table, to, from); }
    public boolean destructive() { return false; }
    public String describe() { return "rename column " + table + "." + from + " to " + to; }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.renameColumn(this); }
}
