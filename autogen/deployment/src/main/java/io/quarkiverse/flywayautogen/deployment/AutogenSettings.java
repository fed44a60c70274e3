package io.quarkiverse.flywayautogen.deployment;

import java.util.List;

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
     * The engine's dialect for the datasource: its {@code db-kind} (an unsupported one is reported by the engine,
     * {@code unsupported dialect 'x' (supported: ...)}, when it is asked to compare), with a server database's shadow
     * server defaulting to the datasource's own ({@link #shadowServerDefaults}).
     */
    static String dialectFor(TargetDatasource target) {
        shadowServerDefaults(target);
        return target.dialect();
    }

    /**
     * A server database's migrations are replayed into a shadow database created on the datasource's own server, as
     * the datasource's user, unless {@code flyway-autogen.shadow-url} (or {@code FLYWAY_AUTOGEN_SHADOW_URL}) names
     * another server, for a user without CREATE DATABASE rights. The engine reads the shadow server from there.
     */
    private static void shadowServerDefaults(TargetDatasource target) {
        if (System.getProperty(ShadowServer.URL_PROPERTY) != null || System.getenv("FLYWAY_AUTOGEN_SHADOW_URL") != null) {
            return;
        }
        TargetDatasource.runtimeValue(target.datasourceKey("jdbc.url")).filter(url -> url.startsWith("jdbc:postgresql:"))
                .ifPresent(url -> {
                    System.setProperty(ShadowServer.URL_PROPERTY, url);
                    TargetDatasource.runtimeValue(target.datasourceKey("username"))
                            .ifPresent(u -> System.setProperty(ShadowServer.USER_PROPERTY, u));
                    TargetDatasource.runtimeValue(target.datasourceKey("password"))
                            .ifPresent(p -> System.setProperty(ShadowServer.PASSWORD_PROPERTY, p));
                });
    }

    public static RenameHints renames(List<String> declared) {
        RenameHints hints = RenameHints.none();
        for (String rename : declared) {
            hints = hints.merge(RenameHints.parse(rename));
        }
        return hints;
    }
}
