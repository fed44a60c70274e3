package io.quarkiverse.flywayautogen.core;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's own Flyway and Hibernate runs, quiet: it replays migrations into scratch databases and boots Hibernate
 * on them for the self-check on every comparison, and a dozen "Migrating schema ... replay.db" lines and Hibernate's
 * banner per run would bury the one line the user needs. Also turned down: Hibernate's service loader warning, with a
 * stack trace, about providers it sees through the application's class loader but cannot use (HHH010505, harmless),
 * and HHH90000025 ("PostgreSQLDialect does not need to be specified"): the engine names the dialect to build
 * Hibernate's model without a connection, and a user who set none would read it as theirs. Done here once for dev
 * mode, the Maven goals and the CLI; levels are restored when the last engine run ends, so the application's own
 * Flyway and Hibernate log as configured.
 */
public final class EngineLogs {

    private static final Map<String, Level> QUIET = Map.of(
            "org.flywaydb", Level.WARNING,
            "org.hibernate", Level.WARNING,
            "org.hibernate.orm.service", Level.SEVERE,
            "org.hibernate.orm.deprecation", Level.SEVERE);

    private static final Map<Logger, Level> BEFORE = new LinkedHashMap<>();
    private static int running;

    private EngineLogs() {
    }

    /** Runs {@code call} with the logs turned down; runs nest and overlap (threads), the last one restores them. */
    public static <T> T quietly(Supplier<T> call) {
        enter();
        try {
            return call.get();
        } finally {
            exit();
        }
    }

    private static synchronized void enter() {
        if (running++ == 0) {
            QUIET.forEach((name, level) -> {
                for (Logger logger : loggers(name)) {
                    BEFORE.putIfAbsent(logger, logger.getLevel());
                    logger.setLevel(level);
                }
            });
        }
    }

    private static synchronized void exit() {
        if (--running == 0) {
            BEFORE.forEach(Logger::setLevel);
            BEFORE.clear();
        }
    }

    /**
     * java.util.logging's logger and, where JBoss LogManager is present, its log context's: in dev mode and tests
     * they are one, but in a Maven build of a Quarkus application Flyway and Hibernate log through SLF4J and
     * jboss-logging into the LogContext, which java.util.logging's own loggers do not reach. Looked up by name, so
     * the engine needs no logging library of its own.
     */
    private static List<Logger> loggers(String name) {
        List<Logger> loggers = new ArrayList<>(List.of(Logger.getLogger(name)));
        try {
            Class<?> logContext = Class.forName("org.jboss.logmanager.LogContext", true, EngineLogs.class.getClassLoader());
            Object context = logContext.getMethod("getLogContext").invoke(null);
            Method getLogger = logContext.getMethod("getLogger", String.class);
            if (getLogger.invoke(context, name) instanceof Logger logger && !loggers.contains(logger)) {
                loggers.add(logger);
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // no JBoss LogManager: java.util.logging's logger is the only one
        }
        return loggers;
    }
}
