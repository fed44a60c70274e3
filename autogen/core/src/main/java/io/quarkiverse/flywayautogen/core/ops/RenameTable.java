package io.quarkiverse.flywayautogen.core.ops;

public record RenameTable(String from, String to) implements Operation {
    public String table() { return from; }
    public Operation reverse() { return new RenameTable(to, from); }
    public boolean destructive() { return false; }
    public String describe() { return "rename table " + from + " to " + to; }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.renameTable(this); }
}
