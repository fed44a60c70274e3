package io.quarkiverse.flywayautogen.core.rollout;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How generated migrations are rolled out ({@code quarkus.flyway-autogen.rollout}): {@code default} writes the plain
 * form, as before; {@code safe} writes the form a rolling deployment survives (issue 24): on PostgreSQL, timeouts
 * first, constraints added {@code NOT VALID} and validated outside the adding transaction, indexes built
 * {@code CONCURRENTLY} in a second, non-transactional script.
 *
 * @param safe             whether the safe form is generated
 * @param lockTimeout      PostgreSQL's {@code lock_timeout} for the safe scripts, e.g. {@code 5s}: how long a
 *                         statement may wait for a lock before the migration fails. Every replica's queries queue
 *                         behind a waiting ALTER, so the wait must be short; the deployment is retried, not stalled
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for the safe scripts, e.g. {@code 15min}: a bound on
 *                         one statement (a validation scan, a concurrent index build), which take no blocking lock in
 *                         the safe form and may run long on a big table
 */
public record RolloutSettings(boolean safe, String lockTimeout, String statementTimeout) {

    public static final String DEFAULT_LOCK_TIMEOUT = io.quarkiverse.flywayautogen.core.settings.AutogenDefaults.ROLLOUT_LOCK_TIMEOUT;
    public static final String DEFAULT_STATEMENT_TIMEOUT = io.quarkiverse.flywayautogen.core.settings.AutogenDefaults.ROLLOUT_STATEMENT_TIMEOUT;
    /** PostgreSQL's time units (https://www.postgresql.org/docs/15/config-setting.html), or plain milliseconds. */
    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(us|ms|s|min|h|d)?");

    public RolloutSettings {
        if (!DURATION.matcher(lockTimeout).matches() || !DURATION.matcher(statementTimeout).matches()) {
            throw new IllegalArgumentException("a timeout is a number with an optional unit (ms, s, min, h, d), e.g. 5s;"
                    + " got lock timeout '" + lockTimeout + "', statement timeout '" + statementTimeout + "'");
        }
    }

    public static RolloutSettings defaults() {
        return new RolloutSettings(false, DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    public static RolloutSettings safeDefaults() {
        return new RolloutSettings(true, DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    /** {@code default} or {@code safe}, as the setting spells it. */
    public static boolean parseMode(String mode) {
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "safe" -> true;
            case "default", "" -> false;
            default -> throw new IllegalArgumentException("expected 'default' or 'safe', got '" + mode + "'");
        };
    }

    public RolloutSettings withTimeouts(String lock, String statement) {
        return new RolloutSettings(safe, lock, statement);
    }
}
