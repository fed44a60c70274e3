package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Sequence;

/** A new sequence for a Hibernate id generator. {@link #table()} names the sequence: it belongs to no table. */
public record CreateSequence(Sequence sequence) implements Operation {
    public String table() { return sequence.name(); }
    public Operation reverse() { return new DropSequence(sequence); }
    public boolean destructive() { return false; }
    public String describe() { return "create sequence " + sequence.name() + " start " + sequence.start() + " increment " + sequence.increment(); }
    public <R> R accept(OperationVisitor<R> visitor) { return visitor.createSequence(this); }
}
