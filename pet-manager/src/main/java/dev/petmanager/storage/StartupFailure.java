package dev.petmanager.storage;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.flywaydb.core.api.FlywayException;

/**
 * Turns a failed start into one line an operator can act on. Flyway's messages span many lines (SQL state, file,
 * statement, links); the line keeps what names the migration and the cause.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FlywayException flyway) {
                return "database migrations: " + oneLine(flyway.getMessage());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + oneLine(String.valueOf(root.getMessage()));
    }

    static String oneLine(String message) {
        return Arrays.stream(message.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.matches("-+"))
                .filter(line -> !line.startsWith("Need more flexibility") && !line.startsWith("SQL State")
                        && !line.startsWith("Error Code") && !line.startsWith("Line ") && !line.startsWith("Statement"))
                .map(line -> line.replaceAll("\\s{2,}", " "))
                .collect(Collectors.joining("; "));
    }
}
