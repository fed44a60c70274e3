package dev.flywayautogen.core.cli;

import dev.flywayautogen.core.AutogenOptions;
import dev.flywayautogen.core.desired.RenameHints;

import java.nio.file.Files;
import java.nio.file.Path;

/** Parsed command line; {@link IllegalArgumentException} with a one-line message on anything wrong. */
record CliArguments(String command, String classpath, Path migrations, String dialect, AutogenOptions options) {

    static final String USAGE = "usage: (generate|check) --classpath <dirs/jars, ':'-separated> --migrations <dir> --dialect sqlite"
            + " [--message \"...\"] [--undo] [--allow-destructive] [--rename table.old=new | old_table=new_table]...";

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
        AutogenOptions options = AutogenOptions.defaults();
        RenameHints renames = RenameHints.none();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--classpath" -> classpath = value(args, ++i, arg);
                case "--migrations" -> migrations = Path.of(value(args, ++i, arg));
                case "--dialect" -> dialect = value(args, ++i, arg);
                case "--message" -> options = options.withMessage(value(args, ++i, arg));
                case "--undo" -> options = options.withUndo(true);
                case "--allow-destructive" -> options = options.withAllowDestructive(true);
                case "--rename" -> renames = renames.merge(RenameHints.parse(value(args, ++i, arg)));
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
        return new CliArguments(command, classpath, migrations, dialect, options.withRenames(renames));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
