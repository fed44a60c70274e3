package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.AutogenException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database server's JDBC URL and the credentials to it, for a server dialect's shadow databases: {@code url} is
 * any database there the user may connect to. Dialect-neutral: the URL's scheme is the dialect's business (its
 * provider checks it), what is done here works alike on every {@code jdbc:<kind>://host[:port]/database?params} URL.
 * <p>
 * Credentials may come as separate settings or inside the URL ({@code ?user=...&password=...}, as any JDBC URL may
 * carry them): they are moved out of the URL here, so every connection the engine opens (DriverManager, Flyway's data
 * source, the one Hibernate's self-check starts on) gets them the same way, and no URL printed in a message holds a
 * password. A value in the URL wins, as the drivers let it win.
 */
public record ServerLogin(String url, String user, String password) {

    public ServerLogin {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new AutogenException("the shadow database server must be a JDBC URL, got '" + url + "'");
        }
        int query = url.indexOf('?');
        if (query >= 0) {
            List<String> kept = new ArrayList<>();
            for (String parameter : url.substring(query + 1).split("&")) {
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
            url = url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        }
    }

    public static ServerLogin of(DevDatabase devDatabase) {
        return new ServerLogin(devDatabase.jdbcUrl(), devDatabase.user(), devDatabase.password());
    }

    /** Never prints the password: the record may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "ServerLogin[" + url + ", user " + user + "]";
    }

    /** To the database of {@link #url()}, where shadow databases are created and dropped. */
    public Connection connectAdmin() {
        return connect(url);
    }

    /** To a database on this server ({@link #urlOf}) with these credentials. */
    public Connection connect(String databaseUrl) {
        try {
            return DriverManager.getConnection(databaseUrl, user, password);
        } catch (SQLException e) {
            throw new AutogenException("cannot connect to the shadow database server " + databaseUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * The URL of another database on this server: {@link #url()} with its database name replaced, its parameters
     * kept. A URL without a host ({@code jdbc:postgresql:app}) names the database alone.
     */
    public String urlOf(String database) {
        int scheme = url.indexOf(':', "jdbc:".length()) + 1;
        String rest = url.substring(scheme);
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String location = query < 0 ? rest : rest.substring(0, query);
        String hosts = "";
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            hosts = (slash < 0 ? location : location.substring(0, slash)) + "/";
        }
        return url.substring(0, scheme) + hosts + database + params;
    }
}
