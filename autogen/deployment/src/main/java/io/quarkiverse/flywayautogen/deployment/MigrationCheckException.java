package io.quarkiverse.flywayautogen.deployment;

/**
 * The build-time check's verdict on the user's migrations (drift, two files with one version): a finding, not a fault
 * of the build, so it carries no stack trace. Quarkus prints a failed build step's exception with its trace into the
 * build's error; without one, the message is all that shows, once.
 */
public class MigrationCheckException extends RuntimeException {

    public MigrationCheckException(String message) {
        super(message, null, false, false);
    }
}
