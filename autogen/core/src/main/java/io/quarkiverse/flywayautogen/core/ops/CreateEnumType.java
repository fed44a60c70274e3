package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.EnumType;

/** A new named enum type, created before the columns that use it. {@link #table()} names the type: it belongs to no table. */
public record CreateEnumType(EnumType type) implements Operation {
    public String table() { return type.name(); }
    public Operation reverse() { return new DropEnumType(type); }
    public boolean destructive() { return false; }
    public String describe() { return "create enum type " + type.name() + " (" + type.valueList() + ")"; }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.createEnumType(this); }
}
