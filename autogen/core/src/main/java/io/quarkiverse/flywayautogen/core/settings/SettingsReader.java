package io.quarkiverse.flywayautogen.core.settings;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.render.VersionScheme;
import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Optional;

/**
 * The one function that turns configuration into the engine's settings, for dev mode (the build's own
 * configuration), the Maven goals ({@link ProjectConfig}: the project's application.properties or .yaml with its
 * profile, environment variables and expressions) and the CLI (its options as configuration keys). Keys are
 * Quarkus': {@code quarkus.flyway-autogen.*}, the datasource's {@code db-kind}, {@code jdbc.url}, {@code username} and
 * {@code password}, and {@code flyway-autogen.shadow-url}/{@code -user}/{@code -password} (environment:
 * {@code FLYWAY_AUTOGEN_SHADOW_URL}, ...) for a shadow server other than the datasource's. Defaults:
 * {@link AutogenDefaults}.
 */
public final class SettingsReader {

    public static final String PREFIX = "quarkus.flyway-autogen.";

    private SettingsReader() {
    }

    public static AutogenSettings read(Config config) {
        Values values = new Values(config);
        String datasource = values.get(PREFIX + "datasource").orElse(AutogenDefaults.DEFAULT_DATASOURCE);
        return new AutogenSettings(datasource, values.get(datasourceKey(datasource, "db-kind")),
                devDatabase(values, datasource), options(values), values.flag(PREFIX + "allow-destructive",
                AutogenDefaults.ALLOW_DESTRUCTIVE), values.list(PREFIX + "vendors"), values.get(PREFIX + "migrations-location"));
    }

    /** {@code quarkus.datasource.<radical>}, or a named datasource's, as the datasource extension names it. */
    public static String datasourceKey(String datasource, String radical) {
        return AutogenDefaults.DEFAULT_DATASOURCE.equals(datasource) ? "quarkus.datasource." + radical
                : "quarkus.datasource.\"" + datasource + "\"." + radical;
    }

    /**
     * The shadow server when one is set, else the datasource's own server, as its user: a server dialect makes its
     * shadow databases there, never touching the datasource's database itself.
     */
    private static Optional<DevDatabase> devDatabase(Values values, String datasource) {
        Optional<String> shadow = values.get(DevDatabase.URL_PROPERTY);
        if (shadow.isPresent()) {
            return Optional.of(new DevDatabase(shadow.get(), values.get(DevDatabase.USER_PROPERTY).orElse(null),
                    values.get(DevDatabase.PASSWORD_PROPERTY).orElse(null), true));
        }
        return values.get(datasourceKey(datasource, "jdbc.url")).map(url -> new DevDatabase(url,
                values.get(datasourceKey(datasource, "username")).orElse(null),
                values.get(datasourceKey(datasource, "password")).orElse(null), false));
    }

    /** Without writing and without destructive operations: the caller decides those per run. */
    private static AutogenOptions options(Values values) {
        String naming = PREFIX + "naming-convention.";
        NamingConvention conventions = new NamingConvention(
                values.get(naming + "index").orElse(AutogenDefaults.INDEX_NAME),
                values.get(naming + "unique").orElse(AutogenDefaults.UNIQUE_NAME),
                values.get(naming + "foreign-key").orElse(AutogenDefaults.FOREIGN_KEY_NAME),
                values.get(naming + "check").orElse(AutogenDefaults.CHECK_NAME),
                values.get(naming + "primary-key").orElse(AutogenDefaults.PRIMARY_KEY_NAME));
        RenameHints renames = RenameHints.none();
        for (String rename : values.list(PREFIX + "renames")) {
            try {
                renames = renames.merge(RenameHints.parse(rename));
            } catch (IllegalArgumentException e) {
                throw new AutogenException(PREFIX + "renames: expected table.old=new or old_table=new_table, got '"
                        + rename + "'");
            }
        }
        VersionScheme scheme;
        try {
            scheme = VersionScheme.parse(values.get(PREFIX + "version-scheme").orElse(AutogenDefaults.VERSION_SCHEME));
        } catch (IllegalArgumentException e) {
            throw new AutogenException(PREFIX + "version-scheme: " + e.getMessage());
        }
        return AutogenOptions.defaults()
                .withMessage(values.get(PREFIX + "message").orElse(""))
                .withUndo(values.flag(PREFIX + "undo", AutogenDefaults.UNDO))
                .withNaming(conventions)
                .withRenames(renames)
                .withVersionScheme(scheme)
                .withWrite(false)
                .withIndexForeignKeys(values.flag(PREFIX + "index-foreign-keys", AutogenDefaults.INDEX_FOREIGN_KEYS))
                .withRollout(rollout(values));
    }

    /** {@code rollout=default|safe} (a goal's {@code -Dflyway-autogen.rollout=safe} too), with the safe form's timeouts. */
    private static RolloutSettings rollout(Values values) {
        try {
            return new RolloutSettings(RolloutSettings.parseMode(values.get(PREFIX + "rollout")
                    .or(() -> values.get("flyway-autogen.rollout")).orElse(AutogenDefaults.ROLLOUT)),
                    values.get(PREFIX + "rollout-lock-timeout").orElse(RolloutSettings.DEFAULT_LOCK_TIMEOUT),
                    values.get(PREFIX + "rollout-statement-timeout").orElse(RolloutSettings.DEFAULT_STATEMENT_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new AutogenException(PREFIX + "rollout: " + e.getMessage());
        }
    }

    /** Values as Quarkus reads them: trimmed, blank as not set, lists comma-separated with {@code \,} escaping. */
    private record Values(Config config) {

        Optional<String> get(String key) {
            return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
        }

        boolean flag(String key, String defaultValue) {
            return Boolean.parseBoolean(get(key).orElse(defaultValue));
        }

        List<String> list(String key) {
            return config.getOptionalValues(key, String.class).orElse(List.of()).stream().map(String::trim)
                    .filter(v -> !v.isEmpty()).toList();
        }
    }
}
