package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DialectNotConfiguredException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The PostgreSQL server shadow databases are created on, as Prisma's shadow database: migrations are replayed
 * there, never into the application's database. {@code adminUrl} is any database on that server the user may
 * connect to; the user needs CREATEDB.
 */
public record ShadowServer(String adminUrl, String user, String password) {

    public static final String URL_PROPERTY = "flyway-autogen.shadow-url";
    public static final String USER_PROPERTY = "flyway-autogen.shadow-user";
    public static final String PASSWORD_PROPERTY = "flyway-autogen.shadow-password";
    /** Where the shadow server is configured, for messages that ask the user to change it. */
    public static final String SETTINGS = "set " + URL_PROPERTY + ", " + USER_PROPERTY + " and " + PASSWORD_PROPERTY
            + " (system properties, e.g. -D" + URL_PROPERTY + "=jdbc:postgresql://host:5432/db), or the environment"
            + " variables FLYWAY_AUTOGEN_SHADOW_URL, FLYWAY_AUTOGEN_SHADOW_USER and FLYWAY_AUTOGEN_SHADOW_PASSWORD"
            + " (the CLI: --shadow-url, --shadow-user, --shadow-password)";

    /**
     * Credentials may come as separate settings or inside the URL ({@code ?user=...&password=...}, as any JDBC URL
     * may carry them): they are moved out of the URL here, so every connection the engine opens (DriverManager,
     * Flyway's data source, the one Hibernate's self-check starts on) gets them the same way, and no URL printed in a
     * message holds a password. A value in the URL wins, as the PostgreSQL driver lets it win.
     */
    public ShadowServer {
        if (adminUrl == null || !adminUrl.startsWith("jdbc:postgresql:")) {
            throw new AutogenException("the shadow database server must be a jdbc:postgresql: URL, got '" + adminUrl + "'");
        }
        int query = adminUrl.indexOf('?');
        if (query >= 0) {
            List<String> kept = new ArrayList<>();
            for (String parameter : adminUrl.substring(query + 1).split("&")) {
                int eq = parameter.indexOf('=');
                String key = eq < 0 ? parameter : parameter.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = value;
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
            adminUrl = adminUrl.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        }
    }

    /**
     * From system properties ({@code flyway-autogen.shadow-url}, {@code -user}, {@code -password}) or, failing
     * those, the environment ({@code FLYWAY_AUTOGEN_SHADOW_URL}, ...); empty when no URL is configured.
     */
    public static Optional<ShadowServer> configured() {
        return configured(System::getProperty, System::getenv);
    }

    static Optional<ShadowServer> configured(Function<String, String> properties, Function<String, String> environment) {
        Function<String, String> setting = key -> {
            String value = properties.apply(key);
            return value != null && !value.isBlank() ? value
                    : environment.apply(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        };
        String url = setting.apply(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ShadowServer(url.trim(), setting.apply(USER_PROPERTY), setting.apply(PASSWORD_PROPERTY)));
    }

    /** The configured server, or an error that says how to configure one. */
    public static ShadowServer require() {
        return configured().orElseThrow(() -> new DialectNotConfiguredException("the postgresql dialect needs a server for its shadow"
                + " databases: set -D" + URL_PROPERTY + "=jdbc:postgresql://host:5432/db (and " + USER_PROPERTY + ", "
                + PASSWORD_PROPERTY + "), the environment variables FLYWAY_AUTOGEN_SHADOW_URL/_USER/_PASSWORD, or the"
                + " CLI's --shadow-url/--shadow-user/--shadow-password; the user needs CREATEDB"));
    }

    /** Never prints the password: the record may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "ShadowServer[" + adminUrl + ", user " + user + "]";
    }

    Connection connectAdmin() {
        return connect(adminUrl);
    }

    Connection connect(String url) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new AutogenException("cannot connect to the shadow database server " + url + ": " + e.getMessage(), e);
        }
    }

    /** The URL of another database on this server: the admin URL with its database name replaced. */
    String urlOf(String database) {
        String rest = adminUrl.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query + 1);
        String location = query < 0 ? rest : rest.substring(0, query);
        String hostPart = location.startsWith("//") ? location.substring(0, Math.max(location.indexOf('/', 2), 2)) : "";
        if (hostPart.equals("//")) {
            hostPart = location; // jdbc:postgresql://host without a database
        }
        // stringtype=unspecified: sample rows bind dates and times as text, which PostgreSQL then casts as it would a literal
        String extra = params.isEmpty() ? "stringtype=unspecified" : params + "&stringtype=unspecified";
        return "jdbc:postgresql:" + (hostPart.isEmpty() ? "" : hostPart + "/") + database + "?" + extra;
    }
}
