package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.EnumType;

/**
 * A named enum type no column uses any more, dropped after the columns and tables that used it; the data went with
 * those (whose drops are the destructive operations), so dropping the type itself loses nothing.
 */
public record DropEnumType(EnumType type) implements Operation {
    public String table() { return type.name(); }
    public Operation reverse() { return new CreateEnumType(type); }
    public boolean destructive() { return false; }
    public String describe() { return "drop enum type " + type.name(); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropEnumType(this); }
}
