package io.quarkiverse.flywayautogen.core.cli;

import io.quarkiverse.flywayautogen.core.rollout.lint.LintSettings;
import io.smallrye.config.SmallRyeConfig;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.current.ReplayCacheSettings;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.render.VersionScheme;

import io.quarkiverse.flywayautogen.core.settings.AutogenSettings;
import io.quarkiverse.flywayautogen.core.settings.SettingsReader;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed command line; {@link IllegalArgumentException} with a one-line message on anything wrong.
 * {@code beanValidation}: Bean Validation's DDL constraints in the desired schema when Hibernate Validator is on the
 * class path, as the application's Hibernate applies them; {@code --no-bean-validation} for an application that
 * turns them off ({@code quarkus.hibernate-orm.validation.enabled=false}).
 */
record CliArguments(String command, String classpath, Path migrations, String dialect, String namingStrategy,
                    AutogenOptions options, Optional<DevDatabase> shadowServer, boolean beanValidation,
                    AutogenSettings settings, LintSettings lint) {

    /** Hibernate's default, and Quarkus': column and table names as written in Java. */
    static final String JAVA_NAMES = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";
    /** Spring Boot's default: {@code birthDate} becomes {@code birth_date}. */
    static final String SNAKE_CASE = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

    /** The dialects are the registered, supported ones ({@link Dialects#supportedNames()}). */
    static final String USAGE = "usage: (generate|check|contract) --classpath <dirs/jars, ':'-separated> --migrations <dir> --dialect "
            + String.join("|", Dialects.supportedNames())
            + " [--shadow-url <server's JDBC URL> --shadow-user <user> --shadow-password <password>]"
            + " [--message \"...\"] [--undo] [--allow-destructive] [--rename table.old=new | old_table=new_table]..."
            + " [--naming-strategy snake|java|<PhysicalNamingStrategy class>] [--version-scheme increment|timestamp]"
            + " [--index-foreign-keys] [--rollout default|safe [--lock-timeout 5s] [--statement-timeout 15min]] [--no-bean-validation] [--no-replay-cache] [--no-lint] [--lint-baseline <version>]";

    static CliArguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command (generate, check or contract)");
        }
        String command = args[0];
        if (!command.equals("generate") && !command.equals("check") && !command.equals("contract")) {
            throw new IllegalArgumentException("unknown command '" + command + "' (expected generate, check or contract)");
        }
        String classpath = null;
        Path migrations = null;
        String dialect = null;
        String namingStrategy = SNAKE_CASE;
        // the options as the configuration keys dev mode and the goals read, turned into settings by the same reader
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> renames = new ArrayList<>();
        String shadowUrl = null;
        String shadowUser = null;
        String shadowPassword = null;
        boolean beanValidation = true;
        boolean replayCache = true;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--classpath" -> classpath = value(args, ++i, arg);
                case "--migrations" -> migrations = Path.of(value(args, ++i, arg));
                case "--dialect" -> dialect = value(args, ++i, arg);
                case "--message" -> keys.put(SettingsReader.PREFIX + "message", value(args, ++i, arg));
                case "--undo" -> keys.put(SettingsReader.PREFIX + "undo", "true");
                case "--allow-destructive" -> keys.put(SettingsReader.PREFIX + "allow-destructive", "true");
                case "--index-foreign-keys" -> keys.put(SettingsReader.PREFIX + "index-foreign-keys", "true");
                case "--rollout" -> keys.put(SettingsReader.PREFIX + "rollout", value(args, ++i, arg));
                case "--lock-timeout" -> keys.put(SettingsReader.PREFIX + "rollout-lock-timeout", value(args, ++i, arg));
                case "--statement-timeout" -> keys.put(SettingsReader.PREFIX + "rollout-statement-timeout", value(args, ++i, arg));
                case "--naming-strategy" -> namingStrategy = namingStrategy(value(args, ++i, arg));
                case "--version-scheme" -> keys.put(SettingsReader.PREFIX + "version-scheme",
                        VersionScheme.parse(value(args, ++i, arg)).name());
                case "--rename" -> {
                    String rename = value(args, ++i, arg);
                    RenameHints.parse(rename);
                    renames.add(rename.replace(",", "\\,"));
                }
                case "--shadow-url" -> shadowUrl = value(args, ++i, arg);
                case "--shadow-user" -> shadowUser = value(args, ++i, arg);
                case "--shadow-password" -> shadowPassword = value(args, ++i, arg);
                case "--no-bean-validation" -> beanValidation = false;
                case "--no-replay-cache" -> replayCache = false;
                case "--no-lint" -> keys.put(LintSettings.ENABLED, "false");
                case "--lint-baseline" -> keys.put(LintSettings.BASELINE, value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (classpath == null) {
            throw new IllegalArgumentException("--classpath is required");
        }
        if (migrations == null) {
            throw new IllegalArgumentException("--migrations is required");
        }
        if (!Files.isDirectory(migrations)) {
            throw new IllegalArgumentException("migrations directory does not exist: " + migrations);
        }
        if (dialect == null) {
            dialect = "sqlite";
        }
        if (shadowUrl == null && (shadowUser != null || shadowPassword != null)) {
            throw new IllegalArgumentException("--shadow-user and --shadow-password need --shadow-url");
        }
        Optional<DevDatabase> shadow = Optional.empty();
        if (shadowUrl != null) {
            String url = shadowUrl;
            if (Dialects.forUrl(url).isEmpty()) {
                throw new IllegalArgumentException("--shadow-url must be the JDBC URL of a supported database (supported: "
                        + String.join(", ", Dialects.supportedNames()) + ")");
            }
            shadow = Optional.of(new DevDatabase(url, shadowUser, shadowPassword, true));
        }
        keys.put("quarkus.datasource.db-kind", dialect);
        if (!renames.isEmpty()) {
            keys.put(SettingsReader.PREFIX + "renames", String.join(",", renames));
        }
        shadow.ifPresent(server -> {
            keys.put(DevDatabase.URL_PROPERTY, server.jdbcUrl());
            Optional.ofNullable(server.user()).ifPresent(u -> keys.put(DevDatabase.USER_PROPERTY, u));
            Optional.ofNullable(server.password()).ifPresent(p -> keys.put(DevDatabase.PASSWORD_PROPERTY, p));
        });
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(keys, "command line", 500), new SysPropConfigSource(),
                        new EnvConfigSource(System.getenv(), 300))
                .build();
        AutogenSettings settings = SettingsReader.read(config);
        LintSettings lint = LintSettings.read(key -> config.getOptionalValue(key, String.class));
        AutogenOptions options = settings.options().withAllowDestructive(settings.allowDestructive()).withWrite(true);
        if (!replayCache) {
            options = options.withReplayCache(ReplayCacheSettings.off());
        }
        return new CliArguments(command, classpath, migrations, dialect, namingStrategy, options, shadow, beanValidation,
                settings, lint);
    }

    /** Must match the application's, or every camelCase field looks like a column to rename. */
    private static String namingStrategy(String value) {
        return switch (value) {
            case "snake" -> SNAKE_CASE;
            case "java" -> JAVA_NAMES;
            default -> value;
        };
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
