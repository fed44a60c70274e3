package io.quarkiverse.flywayautogen.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.postgresql.ShadowServer;
import io.quarkiverse.flywayautogen.core.render.VendorFolders;
import io.quarkiverse.flywayautogen.core.render.VersionScheme;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The application's own settings, as its Quarkus build would read them: {@code src/main/resources/application.properties}
 * with the build's configuration profile applied ({@code %prod.} keys, or those of the profile the build names in
 * {@code quarkus.profile}, e.g. from a Maven profile), overridden by {@code -D} properties of the Maven run. The goals then
 * compare exactly what dev mode and the build-time check compare: same datasource, Flyway location, naming
 * strategies and {@code quarkus.flyway-autogen.*} options.
 */
final class ProjectSettings {

    static final String PREFIX = "quarkus.flyway-autogen.";
    /** Quarkus' default physical naming: names as written in Java. */
    static final String QUARKUS_PHYSICAL_NAMING = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";

    private final Properties properties;
    private final Path source;

    private ProjectSettings(Properties properties, Path source) {
        this.properties = properties;
        this.source = source;
    }

    /**
     * {@code overrides}: the Maven run's user properties ({@code -Dquarkus.flyway-autogen.version-scheme=...});
     * {@code profile}: the build's configuration profile(s), comma-separated, the last one winning, as in Quarkus.
     */
    static ProjectSettings read(Path applicationProperties, Properties overrides, String profile) {
        Properties file = new Properties();
        if (Files.isRegularFile(applicationProperties)) {
            try (Reader in = Files.newBufferedReader(applicationProperties, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                throw new AutogenException("cannot read " + applicationProperties + ": " + e.getMessage(), e);
            }
        }
        Properties merged = new Properties();
        file.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> merged.setProperty(k, file.getProperty(k)));
        for (String name : overrides.getProperty("quarkus.profile", profile).split(",")) {
            String prefix = "%" + name.trim() + ".";
            // an empty profile value unsets the key, as in Quarkus (value() reads blank as not set)
            file.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                    .forEach(k -> merged.setProperty(k.substring(prefix.length()), file.getProperty(k)));
        }
        overrides.stringPropertyNames().stream().filter(k -> k.startsWith("quarkus."))
                .forEach(k -> merged.setProperty(k, overrides.getProperty(k)));
        return new ProjectSettings(merged, applicationProperties);
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private boolean flag(String key) {
        return value(key).map(Boolean::parseBoolean).orElse(false);
    }

    /** A Quarkus list: comma-separated, {@code \,} for a comma inside a value. */
    private List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (String item : value(key).orElse("").split("(?<!\\\\),")) {
            if (!item.isBlank()) {
                items.add(item.trim().replace("\\,", ","));
            }
        }
        return items;
    }

    /** {@code quarkus.flyway-autogen.datasource}, Quarkus' name for the default datasource when not set. */
    private String datasource() {
        return value(PREFIX + "datasource").orElse(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    /** {@code quarkus.datasource.db-kind}, or the named datasource's, as the datasource extension names it. */
    private String datasourceKey(String suffix) {
        return DataSourceUtil.dataSourcePropertyKey(datasource(), suffix);
    }

    String dbKind() {
        String key = datasourceKey("db-kind");
        return value(key).orElseThrow(() -> new AutogenException(key + " is not set in " + source
                + ": the goals need it to know which database the migrations are for"));
    }

    /**
     * For PostgreSQL, where shadow databases go: {@code -Dflyway-autogen.shadow-url} (or the environment) when set,
     * as in dev mode, else the datasource's own server when its URL is written out in the file.
     */
    Optional<ShadowServer> shadowServer() {
        if (ShadowServer.configured().isPresent()) {
            return ShadowServer.configured();
        }
        return value(datasourceKey("jdbc.url")).filter(url -> url.startsWith("jdbc:postgresql:"))
                .map(url -> new ShadowServer(url, value(datasourceKey("username")).orElse(null),
                        value(datasourceKey("password")).orElse(null)));
    }

    /**
     * The migrations folder: {@code quarkus.flyway-autogen.migrations-location} (relative to the project), else the
     * resources folder plus the datasource's first class-path Flyway location ({@code db/migration} by default).
     */
    Path migrationsFolder(Path projectDir, Path resourcesDir) {
        Optional<String> configured = value(PREFIX + "migrations-location");
        if (configured.isPresent()) {
            return projectDir.resolve(VendorFolders.substitute(configured.get(), dbKind())).normalize();
        }
        String key = DataSourceUtil.isDefault(datasource()) ? "quarkus.flyway.locations"
                : "quarkus.flyway.\"" + datasource() + "\".locations";
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
        return list(PREFIX + "vendors");
    }

    boolean allowDestructive() {
        return flag(PREFIX + "allow-destructive");
    }

    /** The engine's options; what the goal decides itself (message, writing) is set by the goal. */
    AutogenOptions options() {
        NamingConvention defaults = NamingConvention.ALEMBIC_DEFAULT;
        String naming = PREFIX + "naming-convention.";
        NamingConvention conventions = new NamingConvention(
                value(naming + "index").orElse(defaults.index()),
                value(naming + "unique").orElse(defaults.unique()),
                value(naming + "foreign-key").orElse(defaults.foreignKey()),
                value(naming + "check").orElse(defaults.check()),
                value(naming + "primary-key").orElse(defaults.primaryKey()));
        RenameHints renames = RenameHints.none();
        for (String rename : list(PREFIX + "renames")) {
            try {
                renames = renames.merge(RenameHints.parse(rename));
            } catch (IllegalArgumentException e) {
                throw new AutogenException(PREFIX + "renames in " + source + ": expected table.old=new or"
                        + " old_table=new_table, got '" + rename + "'");
            }
        }
        VersionScheme scheme;
        try {
            scheme = VersionScheme.parse(value(PREFIX + "version-scheme").orElse("increment"));
        } catch (IllegalArgumentException e) {
            throw new AutogenException(PREFIX + "version-scheme: " + e.getMessage());
        }
        return AutogenOptions.defaults()
                .withUndo(flag(PREFIX + "undo"))
                .withNaming(conventions)
                .withRenames(renames)
                .withVersionScheme(scheme)
                .withIndexForeignKeys(flag(PREFIX + "index-foreign-keys"));
    }

    /** {@code quarkus.datasource[."name"].<suffix>} of the compared datasource, e.g. its Dev Services image setting. */
    String datasourceSetting(String suffix) {
        return datasourceKey(suffix);
    }
}
