package io.quarkiverse.flywayautogen.core.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flyway's per-script configuration ({@code V2__x.sql.conf} beside {@code V2__x.sql}). Flyway runs a statement
 * {@code PRAGMA foreign_keys} outside any transaction (it is a no-op inside one) and, unless told per script or with
 * the global {@code mixed} setting, refuses a script that holds it beside ordinary statements. A SQLite table rebuild
 * needs foreign keys off, so its script comes with {@code executeInTransaction=false} and opens its own transaction.
 */
public final class ScriptConfig {

    private static final Pattern FOREIGN_KEYS_PRAGMA = Pattern.compile("(?im)^\\s*PRAGMA\\s+foreign_keys\\b");

    /**
     * The first line of the safe rollout form's second script (PostgreSQL): each of its statements must commit on its
     * own ({@code CREATE INDEX CONCURRENTLY} refuses a transaction block; a validation must not hold the adding
     * transaction's lock).
     */
    public static final String OUTSIDE_TRANSACTION = "Runs outside a transaction (executeInTransaction=false in the .sql.conf beside it):"
            + " each statement commits on its own.";
    private static final Pattern OUTSIDE_TRANSACTION_LINE = Pattern.compile("(?m)^-- " + Pattern.quote(OUTSIDE_TRANSACTION) + "$");

    private ScriptConfig() {
    }

    /** The content of the configuration file the script needs beside it, if any. */
    public static Optional<String> forScript(String content) {
        if (OUTSIDE_TRANSACTION_LINE.matcher(content).find()) {
            return Optional.of("# Safe rollout form (quarkus.flyway-autogen.rollout=safe): CREATE INDEX CONCURRENTLY and\n"
                    + "# VALIDATE CONSTRAINT run outside Flyway's transaction, each statement committing on its own.\n"
                    + "executeInTransaction=false\n");
        }
        return FOREIGN_KEYS_PRAGMA.matcher(content).find()
                ? Optional.of("# The script switches foreign keys off (SQLite rebuild), which only works outside a transaction;\n"
                        + "# it opens its own with a SAVEPOINT.\nexecuteInTransaction=false\n")
                : Optional.empty();
    }

    /** Flyway's name for the configuration of {@code scriptFileName}. */
    public static String fileName(String scriptFileName) {
        return scriptFileName + ".conf";
    }

    /** Writes the configuration {@code script} needs beside it (nothing if it needs none). */
    public static void writeBeside(Path script, String content) throws IOException {
        Optional<String> config = forScript(content);
        if (config.isPresent()) {
            Files.writeString(script.resolveSibling(fileName(script.getFileName().toString())), config.get(), StandardCharsets.UTF_8);
        }
    }
}
