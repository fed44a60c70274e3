package io.quarkiverse.flywayautogen.deployment;

import java.util.List;
import java.util.Optional;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.postgresql.ShadowServer;
import io.quarkiverse.flywayautogen.core.render.VersionScheme;

/** Turns the {@code quarkus.flyway-autogen.*} configuration into the engine's options. */
public final class AutogenSettings {

    /** What a warning asks for, in configuration keys and the Dev UI rather than the CLI's flags. */
    public static final Warning.Remedies REMEDIES = new Warning.Remedies(
            "confirm it in the Dev UI, or set quarkus.flyway-autogen.renames=%s",
            "the Dev UI, or quarkus.flyway-autogen.allow-destructive=true");

    private AutogenSettings() {
    }

    static AutogenOptions options(FlywayAutogenBuildTimeConfig config) {
        FlywayAutogenBuildTimeConfig.NamingConventionConfig n = config.namingConvention();
        NamingConvention naming = new NamingConvention(n.index(), n.unique(), n.foreignKey(), n.check(), n.primaryKey());
        return AutogenOptions.defaults()
                .withMessage(config.message().orElse(""))
                .withUndo(config.undo())
                .withNaming(naming)
                .withRenames(renames(config.renames().orElse(List.of())))
                .withVersionScheme(VersionScheme.valueOf(config.versionScheme().name()))
                .withWrite(false)
                .withIndexForeignKeys(config.indexForeignKeys());
    }

    /**
     * Marks a shadow server this extension defaulted from the dev database (system property holding the URL it
     * set): a later start may replace it (Dev Services' port changes from one session to the next), while a
     * {@code flyway-autogen.shadow-url} the user set is never touched.
     */
    static final String DEFAULTED_SHADOW_URL = "flyway-autogen.shadow-url.defaulted";

    /**
     * The engine's dialect for the datasource: its {@code db-kind} (an unsupported one is reported by the engine,
     * {@code unsupported dialect 'x' (supported: ...)}, when it is asked to compare), with a server database's shadow
     * server defaulting to the datasource's own ({@link #shadowServerDefaults}).
     */
    static String dialectFor(TargetDatasource target) {
        return dialectFor(target, DevDatabaseServer.configured(target));
    }

    /** As {@link #dialectFor(TargetDatasource)}, the dev database being {@code server} (configured or Dev Services'). */
    static String dialectFor(TargetDatasource target, Optional<DevDatabaseServer> server) {
        server.ifPresent(AutogenSettings::shadowServerDefaults);
        return target.dialect();
    }

    /**
     * A server database's migrations are replayed into a shadow database created on the dev database's own server,
     * as its user (Dev Services' user may create databases), unless {@code flyway-autogen.shadow-url} (or
     * {@code FLYWAY_AUTOGEN_SHADOW_URL}) names another server, for a user without CREATE DATABASE rights. The engine
     * reads the shadow server from there.
     */
    private static void shadowServerDefaults(DevDatabaseServer server) {
        String current = System.getProperty(ShadowServer.URL_PROPERTY);
        boolean defaulted = current != null && current.equals(System.getProperty(DEFAULTED_SHADOW_URL));
        if ((current != null && !defaulted) || System.getenv("FLYWAY_AUTOGEN_SHADOW_URL") != null
                || !server.jdbcUrl().startsWith("jdbc:postgresql:")) {
            return;
        }
        System.setProperty(ShadowServer.URL_PROPERTY, server.jdbcUrl());
        System.setProperty(DEFAULTED_SHADOW_URL, server.jdbcUrl());
        setOrClear(ShadowServer.USER_PROPERTY, server.user());
        setOrClear(ShadowServer.PASSWORD_PROPERTY, server.password());
    }

    private static void setOrClear(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    public static RenameHints renames(List<String> declared) {
        RenameHints hints = RenameHints.none();
        for (String rename : declared) {
            hints = hints.merge(RenameHints.parse(rename));
        }
        return hints;
    }
}
