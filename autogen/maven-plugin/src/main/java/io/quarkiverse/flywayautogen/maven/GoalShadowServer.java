package io.quarkiverse.flywayautogen.maven;

import java.util.Optional;

import org.apache.maven.plugin.logging.Log;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.postgresql.NoContainerEngineException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.postgresql.ShadowServer;
import io.quarkiverse.flywayautogen.core.postgresql.ThrowawayServer;

/**
 * The engine of one goal run, with the server PostgreSQL's shadow databases go to: {@code -Dflyway-autogen.shadow-url}
 * when set, else the datasource's own when application.properties writes out its URL, else, for a project whose
 * database Dev Services start in dev mode, a throwaway PostgreSQL container of the datasource's Dev Services image
 * ({@code quarkus.datasource.devservices.image-name}, Quarkus' default otherwise), removed when the goal ends,
 * whether it succeeded or failed.
 */
final class GoalShadowServer implements AutoCloseable {

    private final Autogenerate engine;
    private final Optional<ThrowawayServer> throwaway;
    private final Log log;

    private GoalShadowServer(Autogenerate engine, Optional<ThrowawayServer> throwaway, Log log) {
        this.engine = engine;
        this.throwaway = throwaway;
        this.log = log;
    }

    static GoalShadowServer start(ProjectSettings settings, Log log) {
        String dbKind = settings.dbKind();
        if (!dbKind.trim().equalsIgnoreCase("postgresql") || settings.shadowServer().isPresent()) {
            return new GoalShadowServer(settings.engine(dbKind), Optional.empty(), log);
        }
        String imageKey = settings.datasourceSetting("devservices.image-name");
        String image = settings.value(imageKey).orElse(ThrowawayServer.DEFAULT_IMAGE);
        String urlKey = settings.datasourceSetting("jdbc.url");
        quietTestcontainers();
        ThrowawayServer server;
        try {
            server = ThrowawayServer.start(image, "or give the goals a PostgreSQL server for their shadow databases: "
                    + "-D" + ShadowServer.URL_PROPERTY + "=jdbc:postgresql://host:5432/db with -D"
                    + ShadowServer.USER_PROPERTY + " and -D" + ShadowServer.PASSWORD_PROPERTY + " (a user with CREATEDB;"
                    + " or the environment variables FLYWAY_AUTOGEN_SHADOW_URL, _USER, _PASSWORD), or write out the"
                    + " datasource's own in application.properties (" + urlKey + ", "
                    + settings.datasourceSetting("username") + ", " + settings.datasourceSetting("password") + ")");
        } catch (NoContainerEngineException e) {
            throw new AutogenException("the project configures no PostgreSQL server (" + urlKey + " is not set, as"
                    + " Dev Services start the dev database; nor " + ShadowServer.URL_PROPERTY + "), so the goals"
                    + " start a throwaway one of " + imageKey + " (" + image + "): " + e.getMessage(), e);
        }
        log.info("Flyway autogenerate: no PostgreSQL server configured (Dev Services): the shadow databases go to a"
                + " throwaway container of " + image + " at " + server.server().adminUrl() + ", removed at the end");
        ShadowServer shadow = server.server();
        return new GoalShadowServer(settings.engine(dbKind, new DevDatabase(shadow.adminUrl(), shadow.user(),
                shadow.password(), true)), Optional.of(server), log);
    }

    Autogenerate engine() {
        return engine;
    }

    @Override
    public void close() {
        throwaway.ifPresent(server -> {
            server.close();
            log.info("Flyway autogenerate: removed the throwaway PostgreSQL container " + server.containerId());
        });
    }

    /**
     * Testcontainers' INFO lines (the engine it found and how) would bury the goal's own; they
     * go to Maven's SLF4J logger, whose levels are system properties read when a logger is created. A level the
     * user set stays.
     */
    private static void quietTestcontainers() {
        for (String logger : new String[] { "org.testcontainers", "tc" }) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }
}
