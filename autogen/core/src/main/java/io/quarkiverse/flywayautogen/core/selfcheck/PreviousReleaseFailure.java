package io.quarkiverse.flywayautogen.core.selfcheck;

/** What the previous release could not do against the new schema, on {@code table}, found by running it. */
public record PreviousReleaseFailure(String table, String text) {
}
