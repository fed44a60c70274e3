package dev.flywayautogen.quarkus.deployment;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the engine with Flyway's INFO lines silenced: it replays the migrations into scratch databases on every
 * reload, and a dozen "Migrating schema ... replay.db" lines per reload would bury the one line the user needs.
 * The application's own Flyway runs after the build, with its level restored; warnings and errors still show.
 */
final class QuietReplay {

    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    private QuietReplay() {
    }

    static synchronized <T> T run(Supplier<T> engineCall) {
        Level before = FLYWAY.getLevel();
        FLYWAY.setLevel(Level.WARNING);
        try {
            return engineCall.get();
        } finally {
            FLYWAY.setLevel(before);
        }
    }
}
