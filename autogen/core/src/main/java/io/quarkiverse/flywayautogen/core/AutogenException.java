package io.quarkiverse.flywayautogen.core;

/** A generation that cannot go on; the message tells the user what to change. */
public class AutogenException extends RuntimeException {
    public AutogenException(String message) {
        super(message);
    }

    public AutogenException(String message, Throwable cause) {
        super(message, cause);
    }
}
