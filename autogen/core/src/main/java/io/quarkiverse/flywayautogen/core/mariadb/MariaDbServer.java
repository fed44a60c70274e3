package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB server shadow databases are created on: {@code adminUrl} is any database there the user may connect
 * to; the user needs CREATE and DROP on the {@code autogen_*} databases. Credentials in the URL's query are moved
 * into the record, as for PostgreSQL, so no URL in a message carries a password.
 */
public record MariaDbServer(String adminUrl, String user, String password) {

    public MariaDbServer {
        if (adminUrl == null || !adminUrl.startsWith(MariaDbDialectProvider.URL_PREFIX)) {
            throw new AutogenException("the shadow database server must be a " + MariaDbDialectProvider.URL_PREFIX
                    + " URL, got '" + adminUrl + "'");
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

    public static MariaDbServer of(DevDatabase devDatabase) {
        return new MariaDbServer(devDatabase.jdbcUrl(), devDatabase.user(), devDatabase.password());
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MariaDbServer[" + adminUrl + ", user " + user + "]";
    }

    Connection connectAdmin() {
        return connect(adminUrl);
    }

    Connection connect(String url) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new AutogenException("cannot connect to the MariaDB shadow database server " + url + ": " + e.getMessage(), e);
        }
    }

    /** The URL of another database on this server: the admin URL with its database name replaced. */
    String urlOf(String database) {
        String rest = adminUrl.substring(MariaDbDialectProvider.URL_PREFIX.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String location = query < 0 ? rest : rest.substring(0, query);
        int slash = location.startsWith("//") ? location.indexOf('/', 2) : location.indexOf('/');
        String hosts = slash < 0 ? location : location.substring(0, slash);
        return MariaDbDialectProvider.URL_PREFIX + hosts + "/" + database + params;
    }
}
