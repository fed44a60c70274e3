package dev.flywayautogen.quarkus.deployment;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.flywayautogen.core.AutogenOptions;
import dev.flywayautogen.core.Warning;
import dev.flywayautogen.core.desired.NamingConvention;
import dev.flywayautogen.core.desired.RenameHints;
import dev.flywayautogen.core.postgresql.ShadowServer;
import dev.flywayautogen.core.render.VersionScheme;
import dev.flywayautogen.quarkus.runtime.FlywayAutogenConfig;

/** Turns the {@code quarkus.flyway-autogen.*} configuration into the engine's options. */
final class AutogenSettings {

    /** What a warning asks for, in configuration keys and the Dev UI rather than the CLI's flags. */
    static final Warning.Remedies REMEDIES = new Warning.Remedies(
            "confirm it in the Dev UI, or set quarkus.flyway-autogen.renames=%s",
            "the Dev UI, or quarkus.flyway-autogen.allow-destructive=true");

    private AutogenSettings() {
    }

    static AutogenOptions options(FlywayAutogenConfig config) {
        FlywayAutogenConfig.NamingConventionConfig n = config.namingConvention();
        NamingConvention naming = new NamingConvention(n.index(), n.unique(), n.foreignKey(), n.check(), n.primaryKey());
        return AutogenOptions.defaults()
                .withMessage(config.message().orElse(""))
                .withUndo(config.undo())
                .withNaming(naming)
                .withRenames(renames(config.renames().orElse(List.of())))
                .withVersionScheme(VersionScheme.valueOf(config.versionScheme().name()))
                .withWrite(false);
    }

    /**
     * The engine's dialect for the datasource: its {@code db-kind} (an unsupported one is reported by the engine,
     * {@code unsupported dialect 'x' (supported: ...)}, when it is asked to compare), with a server database's shadow
     * server defaulting to the datasource's own ({@link #shadowServerDefaults}).
     */
    static String dialectFor(Optional<String> datasource) {
        shadowServerDefaults(datasource);
        String key = datasource.filter(d -> !d.equals("<default>"))
                .map(d -> "quarkus.datasource.\"" + d + "\".db-kind").orElse("quarkus.datasource.db-kind");
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("(not set: " + key + ")");
    }

    /**
     * A server database's migrations are replayed into a shadow database created on the datasource's own server, as
     * the datasource's user, unless {@code flyway-autogen.shadow-url} (or {@code FLYWAY_AUTOGEN_SHADOW_URL}) names
     * another server, for a user without CREATE DATABASE rights. The engine reads the shadow server from there.
     */
    private static void shadowServerDefaults(Optional<String> datasource) {
        if (System.getProperty(ShadowServer.URL_PROPERTY) != null || System.getenv("FLYWAY_AUTOGEN_SHADOW_URL") != null) {
            return;
        }
        String prefix = datasource.filter(d -> !d.equals("<default>"))
                .map(d -> "quarkus.datasource.\"" + d + "\".").orElse("quarkus.datasource.");
        var config = ConfigProvider.getConfig();
        config.getOptionalValue(prefix + "jdbc.url", String.class).filter(url -> url.startsWith("jdbc:postgresql:")).ifPresent(url -> {
            System.setProperty(ShadowServer.URL_PROPERTY, url);
            config.getOptionalValue(prefix + "username", String.class).ifPresent(u -> System.setProperty(ShadowServer.USER_PROPERTY, u));
            config.getOptionalValue(prefix + "password", String.class).ifPresent(p -> System.setProperty(ShadowServer.PASSWORD_PROPERTY, p));
        });
    }

    static RenameHints renames(List<String> declared) {
        RenameHints hints = RenameHints.none();
        for (String rename : declared) {
            hints = hints.merge(RenameHints.parse(rename));
        }
        return hints;
    }
}
