package io.quarkiverse.flywayautogen.core.cli;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.postgresql.ShadowServer;
import io.quarkiverse.flywayautogen.core.render.VersionScheme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Parsed command line; {@link IllegalArgumentException} with a one-line message on anything wrong.
 * {@code beanValidation}: Bean Validation's DDL constraints in the desired schema when Hibernate Validator is on the
 * class path, as the application's Hibernate applies them; {@code --no-bean-validation} for an application that
 * turns them off ({@code quarkus.hibernate-orm.validation.enabled=false}).
 */
record CliArguments(String command, String classpath, Path migrations, String dialect, String namingStrategy,
                    AutogenOptions options, Optional<ShadowServer> shadowServer, boolean beanValidation) {

    /** Hibernate's default, and Quarkus': column and table names as written in Java. */
    static final String JAVA_NAMES = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";
    /** Spring Boot's default: {@code birthDate} becomes {@code birth_date}. */
    static final String SNAKE_CASE = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

    static final String USAGE = "usage: (generate|check) --classpath <dirs/jars, ':'-separated> --migrations <dir> --dialect sqlite|postgresql"
            + " [--shadow-url jdbc:postgresql://host/db --shadow-user <user> --shadow-password <password>]"
            + " [--message \"...\"] [--undo] [--allow-destructive] [--rename table.old=new | old_table=new_table]..."
            + " [--naming-strategy snake|java|<PhysicalNamingStrategy class>] [--version-scheme increment|timestamp]"
            + " [--index-foreign-keys] [--no-bean-validation] [--no-replay-cache]";

    static CliArguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command (generate or check)");
        }
        String command = args[0];
        if (!command.equals("generate") && !command.equals("check")) {
            throw new IllegalArgumentException("unknown command '" + command + "' (expected generate or check)");
        }
        String classpath = null;
        Path migrations = null;
        String dialect = null;
        String namingStrategy = SNAKE_CASE;
        AutogenOptions options = AutogenOptions.defaults();
        RenameHints renames = RenameHints.none();
        String shadowUrl = null;
        String shadowUser = null;
        String shadowPassword = null;
        boolean beanValidation = true;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--classpath" -> classpath = value(args, ++i, arg);
                case "--migrations" -> migrations = Path.of(value(args, ++i, arg));
                case "--dialect" -> dialect = value(args, ++i, arg);
                case "--message" -> options = options.withMessage(value(args, ++i, arg));
                case "--undo" -> options = options.withUndo(true);
                case "--allow-destructive" -> options = options.withAllowDestructive(true);
                case "--index-foreign-keys" -> options = options.withIndexForeignKeys(true);
                case "--naming-strategy" -> namingStrategy = namingStrategy(value(args, ++i, arg));
                case "--version-scheme" -> options = options.withVersionScheme(VersionScheme.parse(value(args, ++i, arg)));
                case "--rename" -> renames = renames.merge(RenameHints.parse(value(args, ++i, arg)));
                case "--shadow-url" -> shadowUrl = value(args, ++i, arg);
                case "--shadow-user" -> shadowUser = value(args, ++i, arg);
                case "--shadow-password" -> shadowPassword = value(args, ++i, arg);
                case "--no-bean-validation" -> beanValidation = false;
                case "--no-replay-cache" -> options = options.withReplayCache(io.quarkiverse.flywayautogen.core.current.ReplayCacheSettings.off());
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
        Optional<ShadowServer> shadow = Optional.empty();
        if (shadowUrl != null) {
            if (!shadowUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--shadow-url must be a jdbc:postgresql: URL");
            }
            shadow = Optional.of(new ShadowServer(shadowUrl, shadowUser, shadowPassword));
        }
        return new CliArguments(command, classpath, migrations, dialect, namingStrategy, options.withRenames(renames), shadow,
                beanValidation);
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
