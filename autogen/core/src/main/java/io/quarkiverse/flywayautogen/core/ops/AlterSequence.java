package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Sequence;

/** A new increment (allocationSize) or start value for an existing sequence; its current value is kept. */
public record AlterSequence(Sequence from, Sequence to) implements Operation {
    public String table() { return to.name(); }
    public Operation reverse() { return new AlterSequence(to, from); }
    public boolean destructive() { return false; }
    public String describe() {
        return "alter sequence " + to.name() + ": start " + from.start() + " increment " + from.increment()
                + " -> start " + to.start() + " increment " + to.increment();
    }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.alterSequence(this); }
}
