package io.quarkiverse.flywayautogen.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.render.VendorFolders;
import io.quarkiverse.flywayautogen.core.settings.AutogenDefaults;
import io.quarkiverse.flywayautogen.core.settings.AutogenSettings;
import io.quarkiverse.flywayautogen.core.settings.ProjectConfig;
import io.quarkiverse.flywayautogen.core.settings.SettingsReader;
import io.smallrye.config.SmallRyeConfig;

/**
 * The application's own settings, as its Quarkus build would read them: {@code src/main/resources/application.properties}
 * (and {@code application.yaml}) with the build's configuration profile applied ({@code %prod.} keys, or those of the
 * profile the build names in {@code quarkus.profile}, e.g. from a Maven profile), property expressions resolved,
 * environment variables and the Maven run's {@code -D} properties overriding: SmallRye Config, as Quarkus itself
 * ({@link ProjectConfig}). The engine's settings come from core's one reader ({@link SettingsReader}), so the goals
 * compare exactly what dev mode and the build-time check compare: same datasource, Flyway location, naming
 * strategies and {@code quarkus.flyway-autogen.*} options.
 */
final class ProjectSettings {

    static final String PREFIX = SettingsReader.PREFIX;
    /** Quarkus' default physical naming: names as written in Java. */
    static final String QUARKUS_PHYSICAL_NAMING = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";

    private final SmallRyeConfig config;
    private final AutogenSettings settings;
    private final Path source;
    private final JdbcExtensions jdbcExtensions;

    private ProjectSettings(SmallRyeConfig config, Path source, JdbcExtensions jdbcExtensions) {
        this.config = config;
        this.settings = SettingsReader.read(config);
        this.source = source;
        this.jdbcExtensions = jdbcExtensions;
    }

    /**
     * {@code overrides}: the Maven run's user properties ({@code -Dquarkus.flyway-autogen.version-scheme=...});
     * {@code profile}: the build's configuration profile(s), comma-separated, the last one winning, as in Quarkus.
     */
    static ProjectSettings read(Path applicationProperties, Properties overrides, String profile) {
        return read(applicationProperties, overrides, profile, JdbcExtensions.none());
    }

    /** {@code jdbcExtensions}: the project's, for the db-kind of a datasource that names none. */
    static ProjectSettings read(Path applicationProperties, Properties overrides, String profile,
            JdbcExtensions jdbcExtensions) {
        Map<String, String> keys = new HashMap<>();
        // -Dflyway-autogen.shadow-url in MAVEN_OPTS is a system property rather than a user property
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("flyway-autogen.shadow-"))
                .forEach(k -> keys.put(k, System.getProperty(k)));
        overrides.stringPropertyNames().stream().filter(k -> k.startsWith("quarkus.") || k.startsWith("flyway-autogen.shadow-"))
                .forEach(k -> keys.put(k, overrides.getProperty(k)));
        SmallRyeConfig config = ProjectConfig.of(applicationProperties.getParent(),
                overrides.getProperty("quarkus.profile", profile), keys, System.getenv());
        return new ProjectSettings(config, applicationProperties, jdbcExtensions);
    }

    Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A Quarkus list: comma-separated, {@code \,} for a comma inside a value. */
    private List<String> list(String key) {
        return config.getOptionalValues(key, String.class).orElse(List.of()).stream().map(String::trim)
                .filter(v -> !v.isBlank()).toList();
    }

    /** The datasource's db-kind; when it names none, the one its only JDBC extension serves, as Quarkus infers. */
    String dbKind() {
        if (settings.dbKind().isPresent()) {
            return settings.dbKind().get();
        }
        return jdbcExtensions.inferredKind().orElseThrow(() -> new AutogenException(
                SettingsReader.datasourceKey(settings.datasource(), "db-kind") + " is not set in " + source
                        + " and cannot be inferred: " + jdbcExtensions.whyNotInferred()
                        + "; the goals need it to know which database the migrations are for"));
    }

    /**
     * Where a server dialect's shadow databases go: {@code -Dflyway-autogen.shadow-url} (or the environment) when
     * set, as in dev mode, else the datasource's own server.
     */
    Optional<DevDatabase> shadowServer() {
        return settings.devDatabase();
    }

    /** The engine for a database kind, from the one factory dev mode and the CLI use too. */
    Autogenerate engine(String kind) {
        return settings.engine(kind);
    }

    /**
     * The migrations folder: {@code quarkus.flyway-autogen.migrations-location} (relative to the project), else the
     * resources folder plus the datasource's first class-path Flyway location ({@code db/migration} by default).
     */
    Path migrationsFolder(Path projectDir, Path resourcesDir) {
        Optional<String> configured = settings.migrationsLocation();
        if (configured.isPresent()) {
            return projectDir.resolve(VendorFolders.substitute(configured.get(), dbKind())).normalize();
        }
        String datasource = settings.datasource();
        String key = datasource.equals(AutogenDefaults.DEFAULT_DATASOURCE) ? "quarkus.flyway.locations"
                : "quarkus.flyway.\"" + datasource + "\".locations";
        for (String location : list(key)) {
            if (!location.startsWith("filesystem:")) {
                String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
                // Flyway fills in {vendor} with the database's name
                return resourcesDir.resolve(VendorFolders.substitute(path.startsWith("/") ? path.substring(1) : path, dbKind()));
            }
        }
        return resourcesDir.resolve("db/migration");
    }

    String physicalNamingStrategy() {
        return value("quarkus.hibernate-orm.physical-naming-strategy").orElse(QUARKUS_PHYSICAL_NAMING);
    }

    /** Blank: Hibernate's default, which Quarkus keeps. */
    String implicitNamingStrategy() {
        return value("quarkus.hibernate-orm.implicit-naming-strategy").orElse("");
    }

    /**
     * Whether the application's Hibernate adds Bean Validation's constraints to its DDL (when Hibernate Validator is
     * present): {@code quarkus.hibernate-orm.validation.enabled} (default true) with a {@code validation.mode} holding
     * {@code auto} (the default) or {@code ddl}, as Quarkus hands them to Hibernate.
     */
    boolean beanValidationDdl() {
        boolean enabled = value("quarkus.hibernate-orm.validation.enabled").map(Boolean::parseBoolean).orElse(true);
        List<String> modes = list("quarkus.hibernate-orm.validation.mode");
        return enabled && (modes.isEmpty() || modes.stream().anyMatch(m -> m.equalsIgnoreCase("auto") || m.equalsIgnoreCase("ddl")));
    }

    /** {@code quarkus.flyway-autogen.vendors}: the databases migrations are shipped for; empty for the datasource's only. */
    List<String> vendors() {
        return settings.vendors();
    }

    boolean allowDestructive() {
        return settings.allowDestructive();
    }

    /** The engine's options; what the goal decides itself (message, writing) is set by the goal. */
    AutogenOptions options() {
        return settings.options();
    }

    /** {@code quarkus.datasource[."name"].<suffix>} of the compared datasource, e.g. its Dev Services image setting. */
    String datasourceSetting(String suffix) {
        return SettingsReader.datasourceKey(settings.datasource(), suffix);
    }

    /** The engine for a database kind whose shadow databases go to {@code server} (a throwaway container). */
    Autogenerate engine(String kind, DevDatabase server) {
        return settings.withDevDatabase(server).engine(kind);
    }
}
