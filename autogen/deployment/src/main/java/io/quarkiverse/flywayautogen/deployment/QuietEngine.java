package io.quarkiverse.flywayautogen.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.logmanager.LogContext;

/**
 * Runs the engine with the logs of its own Flyway and Hibernate runs turned down. It replays the migrations into
 * scratch databases and boots Hibernate on them for the self-check on every comparison: a dozen "Migrating schema
 * ... replay.db" lines and Hibernate's start-up banner per reload would bury the one line the user needs, and
 * Hibernate's service loader warns, with a stack trace, about providers it sees through the application's class
 * loader but cannot use from the build's (HHH010505, harmless: it ignores them). The engine names the dialect to
 * build Hibernate's model without a connection, which Hibernate calls needless for its own dialects (HHH90000025,
 * "PostgreSQLDialect does not need to be specified"): a user who set no dialect would read it as theirs. The
 * application's own Flyway and Hibernate run after the build, with their levels restored; engine failures are
 * reported as the engine's errors.
 */
public final class QuietEngine {

    private static final Map<String, Level> QUIET = Map.of(
            "org.flywaydb", Level.WARNING,
            "org.hibernate", Level.WARNING,
            "org.hibernate.orm.service", Level.SEVERE,
            "org.hibernate.orm.deprecation", Level.SEVERE);

    private QuietEngine() {
    }

    public static synchronized <T> T run(Supplier<T> engineCall) {
        Map<Logger, Level> before = new LinkedHashMap<>();
        QUIET.forEach((name, level) -> {
            // In dev mode and tests JBoss LogManager is java.util.logging's manager and both are one logger; in a
            // Maven build (quarkus:build) Flyway and Hibernate log through SLF4J and jboss-logging into JBoss
            // LogManager's context, which java.util.logging's own loggers do not reach.
            for (Logger logger : List.of(Logger.getLogger(name), LogContext.getLogContext().getLogger(name))) {
                before.putIfAbsent(logger, logger.getLevel());
                logger.setLevel(level);
            }
        });
        try {
            return engineCall.get();
        } finally {
            before.forEach(Logger::setLevel);
        }
    }
}
