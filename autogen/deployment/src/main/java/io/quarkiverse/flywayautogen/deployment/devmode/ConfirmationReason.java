package io.quarkiverse.flywayautogen.deployment.devmode;

/**
 * Why a pending change is not written on its own: it waits for the user to decide in the Dev UI. The card shows
 * {@link #text()} as it is.
 */
public enum ConfirmationReason {

    /** A drop and an add that may be one rename: the user says which. */
    POSSIBLE_RENAME("possible rename (confirm the rename, or confirm drop+add as a destructive change)"),
    /** Something is dropped or narrowed, and {@code quarkus.flyway-autogen.allow-destructive} is off. */
    DESTRUCTIVE("destructive change"),
    /** {@code quarkus.flyway-autogen.mode=manual}: nothing is written until the card asks for it. */
    MANUAL_MODE("mode is manual");

    private final String text;

    ConfirmationReason(String text) {
        this.text = text;
    }

    /** As the card and the log say it. */
    public String text() {
        return text;
    }
}
