package io.quarkiverse.flywayautogen.core.current;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Flyway's log while the engine replays migrations into a scratch database: the engine prints nothing of its own
 * (its callers report), and a dozen "Migrating schema ... replay.db" lines per run would only bury what the user
 * needs. Warnings and errors still go out, through java.util.logging, but for the one about an empty folder.
 * <p>
 * Flyway's log factory is global to the Flyway classes, and in a Maven build or dev mode its logs go through SLF4J or
 * through Quarkus' Maven logger, whose levels cannot be lowered from here; so the creator is swapped for the engine's
 * runs only and then cleared, which makes Flyway detect its logging again, as it did before, for the application's
 * own runs. Loading a Flyway instance clears it too (LogFactory.setConfiguration), hence after loading.
 */
final class FlywayWarningsOnly implements LogCreator {

    /** Flyway's "No migrations found. Are your locations set up correctly?" */
    static final String NO_MIGRATIONS = "No migrations found";

    private FlywayWarningsOnly() {
    }

    /** {@code flyway}: already loaded, as loading it hands Flyway's logging back to its configuration. */
    static synchronized void migrate(Flyway flyway) {
        LogFactory.setLogCreator(new FlywayWarningsOnly());
        try {
            flyway.migrate();
        } finally {
            LogFactory.setLogCreator(null);
        }
    }

    @Override
    public Log createLogger(Class<?> type) {
        Logger logger = Logger.getLogger(type.getName());
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return false;
            }

            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void notice(String message) {
            }

            @Override
            public void warn(String message) {
                // an empty folder is a new project's first replay, not a misconfigured location
                if (!message.startsWith(NO_MIGRATIONS)) {
                    logger.warning(message);
                }
            }

            @Override
            public void error(String message) {
                logger.severe(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.log(Level.SEVERE, message, e);
            }
        };
    }
}
