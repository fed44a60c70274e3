package io.quarkiverse.flywayautogen.deployment;

import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.postgresql.NoContainerEngineException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.settings.AutogenSettings;
import io.quarkiverse.flywayautogen.core.postgresql.ShadowServer;
import io.quarkiverse.flywayautogen.core.postgresql.ThrowawayServer;

/**
 * The engines of one drift check, by database. PostgreSQL's shadow databases go to the configured shadow server
 * ({@code -Dflyway-autogen.shadow-url}), else to a throwaway container, as Dev Services would start one: of the
 * datasource's Dev Services image ({@code quarkus.datasource.devservices.image-name}) for its own migrations,
 * Quarkus' default image for another database's folder. Started on first need, removed when the check ends,
 * whatever its outcome. Where no container can be started, the {@link NoContainerEngineException} says what to
 * install or set.
 */
final class CheckEngines implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");
    private static final String REMEDIES = "or give the build a PostgreSQL server for its shadow databases: -D"
            + ShadowServer.URL_PROPERTY + "=jdbc:postgresql://host:5432/db with -D" + ShadowServer.USER_PROPERTY + " and -D"
            + ShadowServer.PASSWORD_PROPERTY + " (a user with CREATEDB; or the environment variables"
            + " FLYWAY_AUTOGEN_SHADOW_URL, _USER, _PASSWORD), or check before the build with the Maven goal"
            + " flyway-autogen:check-no-fork and set quarkus.flyway-autogen.check=false";

    private final AutogenSettings settings;
    private final String datasourceDialect;
    private final Optional<String> datasourceImage;
    private ThrowawayServer throwaway;

    /** {@code datasourceImage}: the compared datasource's Dev Services image setting. */
    CheckEngines(AutogenSettings settings, String datasourceDialect, Optional<String> datasourceImage) {
        this.settings = settings;
        this.datasourceDialect = datasourceDialect;
        this.datasourceImage = datasourceImage;
    }

    Autogenerate engine(String dialect) {
        if (!dialect.trim().equalsIgnoreCase("postgresql") || settings.devDatabase().isPresent()) {
            return settings.engine(dialect);
        }
        if (throwaway == null) {
            boolean own = dialect.trim().toLowerCase(Locale.ROOT).equals(datasourceDialect.trim().toLowerCase(Locale.ROOT));
            String image = own ? datasourceImage.orElse(ThrowawayServer.DEFAULT_IMAGE) : ThrowawayServer.DEFAULT_IMAGE;
            try {
                throwaway = ThrowawayServer.start(image, REMEDIES);
            } catch (NoContainerEngineException e) {
                throw new NoContainerEngineException("no shadow server is configured (" + ShadowServer.URL_PROPERTY
                        + ") for the PostgreSQL migrations, so the check starts a throwaway one of " + image
                        + (own ? " (quarkus.datasource.devservices.image-name)" : "") + ": " + e.getMessage());
            }
            LOG.infof("Flyway autogenerate check: no shadow server configured: the PostgreSQL migrations are replayed in"
                    + " a throwaway container of %s at %s, removed after the check", image, throwaway.server().adminUrl());
        }
        ShadowServer shadow = throwaway.server();
        return settings.withDevDatabase(new DevDatabase(shadow.adminUrl(), shadow.user(), shadow.password(), true))
                .engine(dialect);
    }

    @Override
    public void close() {
        if (throwaway != null) {
            throwaway.close();
            LOG.debugf("Flyway autogenerate check: removed the throwaway PostgreSQL container %s", throwaway.containerId());
        }
    }
}
