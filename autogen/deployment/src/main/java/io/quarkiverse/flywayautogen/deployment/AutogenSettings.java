package io.quarkiverse.flywayautogen.deployment;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.settings.SettingsReader;

/** The {@code quarkus.flyway-autogen.*} configuration, read by core's settings reader, and how warnings read in dev mode. */
public final class AutogenSettings {

    /** What a warning asks for, in configuration keys and the Dev UI rather than the CLI's flags. */
    public static final Warning.Remedies REMEDIES = new Warning.Remedies(
            "confirm it in the Dev UI, or set quarkus.flyway-autogen.renames=%s",
            "the Dev UI, or quarkus.flyway-autogen.allow-destructive=true");

    private AutogenSettings() {
    }

    /**
     * The engine's settings from the build's configuration, through core's one reader, as the Maven goals and the CLI
     * get theirs: options, and the dev database a server dialect compares on (the datasource's own server, as its
     * user, unless {@code flyway-autogen.shadow-url} or {@code FLYWAY_AUTOGEN_SHADOW_URL} names another, for a user
     * without CREATE DATABASE rights). Engines come from {@code read().engine(dbKind)}.
     */
    static io.quarkiverse.flywayautogen.core.settings.AutogenSettings read() {
        return SettingsReader.read(ConfigProvider.getConfig());
    }

    /**
     * As {@link #read()}, the dev database being {@code server}: a Dev Services database is in no configuration the
     * build can read, so the server it runs on becomes the one shadow databases are made on, unless a shadow server
     * is set explicitly.
     */
    static io.quarkiverse.flywayautogen.core.settings.AutogenSettings read(Optional<DevDatabaseServer> server) {
        var settings = read();
        if (server.isEmpty() || settings.devDatabase().map(DevDatabase::explicit).orElse(false)) {
            return settings;
        }
        DevDatabaseServer dev = server.get();
        return settings.withDevDatabase(new DevDatabase(dev.jdbcUrl(), dev.user(), dev.password(), false));
    }

    public static RenameHints renames(List<String> declared) {
        RenameHints hints = RenameHints.none();
        for (String rename : declared) {
            hints = hints.merge(RenameHints.parse(rename));
        }
        return hints;
    }
}
