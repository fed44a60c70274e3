package io.quarkiverse.flywayautogen.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine boots Hibernate on scratch databases: its INFO lines (the banner, "Database info") say nothing about the
 * user's project, so an in-sync build shows none of them. Hibernate logs through java.util.logging in a Maven plugin;
 * it is turned down to warnings while the engine runs, as the extension's QuietEngine does. (The engine keeps its
 * Flyway replays quiet itself.)
 */
final class QuietEngineLogs implements AutoCloseable {

    private static final Map<String, Level> QUIET = Map.of(
            "org.flywaydb", Level.WARNING,
            "org.hibernate", Level.WARNING,
            // providers seen through the project's class loader but not usable from the plugin's (HHH010505): harmless
            "org.hibernate.orm.service", Level.SEVERE,
            // the engine names the dialect to build Hibernate's model without a connection; HHH90000025 ("does not
            // need to be specified") would read as the user's setting
            "org.hibernate.orm.deprecation", Level.SEVERE);

    private final Map<Logger, Level> before = new LinkedHashMap<>();

    private QuietEngineLogs() {
        QUIET.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            before.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
    }

    static QuietEngineLogs install() {
        return new QuietEngineLogs();
    }

    @Override
    public void close() {
        before.forEach(Logger::setLevel);
    }
}
