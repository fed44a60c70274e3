package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.AutogenException;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The database server a server dialect compares on: its shadow databases are created there and dropped afterwards,
 * as Prisma's shadow database, never touching the application's data. Dialect-neutral: the settings name a JDBC URL
 * and credentials, and each dialect's provider checks whether the URL is one of its own.
 *
 * @param jdbcUrl  any database on that server the user may connect to (the user needs the right to create databases)
 * @param user     null when the URL carries it or none is needed
 * @param password null likewise
 * @param explicit set as the shadow server ({@link #URL_PROPERTY}), not taken over from the datasource: a URL of the
 *                 wrong kind is then an error rather than a database another dialect compares on
 */
public record DevDatabase(String jdbcUrl, String user, String password, boolean explicit) {

    public static final String URL_PROPERTY = "flyway-autogen.shadow-url";
    public static final String USER_PROPERTY = "flyway-autogen.shadow-user";
    public static final String PASSWORD_PROPERTY = "flyway-autogen.shadow-password";
    /** Where the shadow server is configured, for messages that ask the user to set or change it. */
    public static final String SETTINGS = "set " + URL_PROPERTY + ", " + USER_PROPERTY + " and " + PASSWORD_PROPERTY
            + " (system properties, e.g. -D" + URL_PROPERTY + "=jdbc:postgresql://host:5432/db), or the environment"
            + " variables FLYWAY_AUTOGEN_SHADOW_URL, FLYWAY_AUTOGEN_SHADOW_USER and FLYWAY_AUTOGEN_SHADOW_PASSWORD"
            + " (the CLI: --shadow-url, --shadow-user, --shadow-password)";

    /**
     * From system properties ({@code flyway-autogen.shadow-url}, {@code -user}, {@code -password}) or, failing
     * those, the environment ({@code FLYWAY_AUTOGEN_SHADOW_URL}, ...); empty when no URL is configured.
     */
    public static Optional<DevDatabase> configured() {
        return configured(System::getProperty, System::getenv);
    }

    public static Optional<DevDatabase> configured(Function<String, String> properties, Function<String, String> environment) {
        Function<String, String> setting = key -> {
            String value = properties.apply(key);
            return value != null && !value.isBlank() ? value
                    : environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        };
        String url = setting.apply(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DevDatabase(url.trim(), setting.apply(USER_PROPERTY), setting.apply(PASSWORD_PROPERTY), true));
    }

    /**
     * The server a server dialect's shadow databases go on, for its {@link DialectProvider#create}: the dev database
     * when {@code provider} serves its URL. A datasource of another kind (a SQLite application shipping this dialect's
     * migrations too) leaves the dialect not configured ({@link DialectNotConfiguredException}, saying how to set one:
     * {@code exampleUrl}, and the {@code rights} the user needs); a server set explicitly to another kind's URL is an
     * error.
     */
    public static ServerLogin serverFor(DialectProvider provider, Optional<DevDatabase> devDatabase, String exampleUrl,
            String rights) {
        Optional<DevDatabase> own = devDatabase.filter(d -> provider.servesUrl(d.jdbcUrl()));
        if (own.isEmpty() && devDatabase.filter(DevDatabase::explicit).isPresent()) {
            throw new AutogenException("the shadow database server of the " + provider.name() + " dialect must be a "
                    + provider.name() + " URL (" + exampleUrl + "), got '" + devDatabase.get().jdbcUrl() + "'");
        }
        return own.map(ServerLogin::of).orElseThrow(() -> new DialectNotConfiguredException("the " + provider.name()
                + " dialect needs a server for its shadow databases: set -D" + URL_PROPERTY + "=" + exampleUrl + " (and "
                + USER_PROPERTY + ", " + PASSWORD_PROPERTY + "), the environment variables FLYWAY_AUTOGEN_SHADOW_URL/_USER/"
                + "_PASSWORD, or the CLI's --shadow-url/--shadow-user/--shadow-password; the user needs " + rights));
    }

    /** Never prints the password: the record may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "DevDatabase[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + ", user " + user + "]";
    }
}
