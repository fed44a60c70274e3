package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Sequence;

/** Destructive: the sequence's next value is lost, and the undo restarts it from its start value. */
public record DropSequence(Sequence sequence) implements Operation {
    public String table() { return sequence.name(); }
    public Operation reverse() { return new CreateSequence(sequence); }
    public boolean destructive() { return true; }
    public String describe() { return "drop sequence " + sequence.name(); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.dropSequence(this); }
}
