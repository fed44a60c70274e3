package io.quarkiverse.flywayautogen.core.settings;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;

import java.util.List;
import java.util.Optional;

/**
 * What an application's configuration says about generating its migrations, read by {@link SettingsReader} for
 * dev mode, the Maven goals and the CLI alike; and the one factory their engines come from ({@link #engine}).
 *
 * @param datasource         the datasource whose migrations are generated ({@code quarkus.flyway-autogen.datasource})
 * @param dbKind             its {@code db-kind}; empty when not set
 * @param devDatabase        where a server dialect makes its shadow databases: {@code flyway-autogen.shadow-url}
 *                           when set, else the datasource's own URL and credentials; empty when neither is set
 * @param options            the engine's options; the caller decides writing and, per run, destructive operations
 * @param allowDestructive   {@code quarkus.flyway-autogen.allow-destructive}
 * @param vendors            {@code quarkus.flyway-autogen.vendors}: the databases migrations are shipped for
 * @param migrationsLocation {@code quarkus.flyway-autogen.migrations-location}, when set
 */
public record AutogenSettings(String datasource, Optional<String> dbKind, Optional<DevDatabase> devDatabase,
                              AutogenOptions options, boolean allowDestructive, List<String> vendors,
                              Optional<String> migrationsLocation) {

    /** The same settings on another dev database (dev mode: the one Dev Services started). */
    public AutogenSettings withDevDatabase(DevDatabase database) {
        return new AutogenSettings(datasource, dbKind, Optional.of(database), options, allowDestructive, vendors,
                migrationsLocation);
    }

    /** The engine for a database kind (the datasource's, or one of {@link #vendors}), on this dev database. */
    public Autogenerate engine(String kind) {
        return Autogenerate.forDbKind(kind, devDatabase);
    }

    /** The dialect for a database kind, on this dev database. */
    public Dialect dialect(String kind) {
        return Dialects.require(kind, devDatabase);
    }
}
