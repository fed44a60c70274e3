package dev.flywayautogen.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.maven.plugin.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * The engine replays the migrations with Flyway and boots Hibernate on scratch databases: their INFO lines ("Migrating
 * schema ... replay.db", the Hibernate banner) say nothing about the user's project, so an in-sync build shows none of
 * them. Flyway's warnings and errors go to Maven's log, its other lines to {@code -X}; Hibernate, which logs through
 * java.util.logging here, is turned down to warnings while the engine runs, as the extension's QuietEngine does.
 */
final class QuietEngineLogs implements AutoCloseable {

    private static final Map<String, Level> QUIET = Map.of(
            "org.flywaydb", Level.WARNING,
            "org.hibernate", Level.WARNING,
            // providers seen through the project's class loader but not usable from the plugin's (HHH010505): harmless
            "org.hibernate.orm.service", Level.SEVERE);

    private final Map<Logger, Level> before = new LinkedHashMap<>();

    private QuietEngineLogs(Log maven) {
        // Flyway's LogFactory is the plugin's own copy (its class realm), so this reaches no one else's Flyway
        LogFactory.setLogCreator(type -> new FlywayToMaven(maven));
        QUIET.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            before.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
    }

    static QuietEngineLogs install(Log maven) {
        return new QuietEngineLogs(maven);
    }

    @Override
    public void close() {
        before.forEach(Logger::setLevel);
    }

    private record FlywayToMaven(Log maven) implements org.flywaydb.core.api.logging.Log {
        @Override
        public boolean isDebugEnabled() {
            return maven.isDebugEnabled();
        }

        @Override
        public void debug(String message) {
            maven.debug(message);
        }

        @Override
        public void info(String message) {
            maven.debug(message);
        }

        @Override
        public void notice(String message) {
            maven.debug(message);
        }

        @Override
        public void warn(String message) {
            maven.warn(message);
        }

        @Override
        public void error(String message) {
            maven.error(message);
        }

        @Override
        public void error(String message, Exception e) {
            maven.error(message, e);
        }
    }
}
