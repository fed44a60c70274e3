package io.quarkiverse.flywayautogen.core.ops;

/** Thrown by {@link Operation#reverse()} when the change cannot be undone; the message says why. */
public class IrreversibleOperation extends RuntimeException {
    public IrreversibleOperation(String message) {
        super(message);
    }
}
