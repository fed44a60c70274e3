package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;

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

    public static final String URL_PROPERTY = DevDatabase.URL_PROPERTY;
    public static final String USER_PROPERTY = DevDatabase.USER_PROPERTY;
    public static final String PASSWORD_PROPERTY = DevDatabase.PASSWORD_PROPERTY;
    /** Where the shadow server is configured, for messages that ask the user to change it. */
    public static final String SETTINGS = DevDatabase.SETTINGS;

    /**
     * Credentials may come as separate settings or inside the URL ({@code ?user=...&password=...}, as any JDBC URL
     * may carry them): they are moved out of the URL here, so every connection the engine opens (DriverManager,
     * Flyway's data source, the one Hibernate's self-check starts on) gets them the same way, and no URL printed in a
     * message holds a password. A value in the URL wins, as the PostgreSQL driver lets it win.
     */
    public ShadowServer {
        if (adminUrl == null || !adminUrl.startsWith(PostgresDialectProvider.URL_PREFIX)) {
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

    /** On the dev database's server; its URL must be a PostgreSQL one. */
    public static ShadowServer of(DevDatabase devDatabase) {
        return new ShadowServer(devDatabase.jdbcUrl(), devDatabase.user(), devDatabase.password());
    }

    /** From system properties or the environment ({@link DevDatabase#configured()}); empty when no URL is set. */
    public static Optional<ShadowServer> configured() {
        return DevDatabase.configured().map(ShadowServer::of);
    }

    static Optional<ShadowServer> configured(Function<String, String> properties, Function<String, String> environment) {
        return DevDatabase.configured(properties, environment).map(ShadowServer::of);
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
        String rest = adminUrl.substring(PostgresDialectProvider.URL_PREFIX.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query + 1);
        String location = query < 0 ? rest : rest.substring(0, query);
        String hostPart = location.startsWith("//") ? location.substring(0, Math.max(location.indexOf('/', 2), 2)) : "";
        if (hostPart.equals("//")) {
            hostPart = location; // jdbc:postgresql://host without a database
        }
        // stringtype=unspecified: sample rows bind dates and times as text, which PostgreSQL then casts as it would a literal
        String extra = params.isEmpty() ? "stringtype=unspecified" : params + "&stringtype=unspecified";
        return PostgresDialectProvider.URL_PREFIX + (hostPart.isEmpty() ? "" : hostPart + "/") + database + "?" + extra;
    }
}
