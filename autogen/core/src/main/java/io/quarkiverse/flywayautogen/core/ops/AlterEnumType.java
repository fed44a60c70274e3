package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.EnumType;

import java.util.List;

/**
 * New values for a named enum type. Values only added (each in its place) are added in place; a removed or reordered
 * value needs the type rebuilt and every column of it converted, which fails as a whole on a row holding a removed
 * value: destructive, like any narrowing.
 */
public record AlterEnumType(EnumType from, EnumType to) implements Operation {
    public String table() { return to.name(); }
    public Operation reverse() { return new AlterEnumType(to, from); }
    public boolean destructive() { return !to.values().containsAll(from.values()); }
    public String describe() {
        List<String> added = to.values().stream().filter(v -> !from.values().contains(v)).toList();
        List<String> removed = from.values().stream().filter(v -> !to.values().contains(v)).toList();
        StringBuilder text = new StringBuilder("alter enum type " + to.name());
        if (!added.isEmpty()) {
            text.append(" add ").append(String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            text.append(added.isEmpty() ? "" : ";").append(" remove ").append(String.join(", ", removed));
        }
        if (added.isEmpty() && removed.isEmpty()) {
            text.append(" reorder to (").append(to.valueList()).append(")");
        }
        return text.toString();
    }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.alterEnumType(this); }
}
