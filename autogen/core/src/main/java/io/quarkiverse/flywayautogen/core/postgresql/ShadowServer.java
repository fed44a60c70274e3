package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.ServerLogin;

import java.sql.Connection;
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
     * Credentials in the URL are moved out of it as {@link ServerLogin} moves them; the URL must be PostgreSQL's.
     */
    public ShadowServer {
        if (adminUrl == null || !adminUrl.startsWith(PostgresDialectProvider.URL_PREFIX)) {
            throw new AutogenException("the shadow database server must be a jdbc:postgresql: URL, got '" + adminUrl + "'");
        }
        ServerLogin login = new ServerLogin(adminUrl, user, password);
        adminUrl = login.url();
        user = login.user();
        password = login.password();
    }

    ShadowServer(ServerLogin login) {
        this(login.url(), login.user(), login.password());
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

    private ServerLogin login() {
        return new ServerLogin(adminUrl, user, password);
    }

    Connection connectAdmin() {
        return login().connectAdmin();
    }

    Connection connect(String url) {
        return login().connect(url);
    }

    /** The URL of another database on this server: the admin URL with its database name replaced. */
    String urlOf(String database) {
        String url = login().urlOf(database);
        // stringtype=unspecified: sample rows bind dates and times as text, which PostgreSQL then casts as it would a literal
        return url + (url.contains("?") ? "&" : "?") + "stringtype=unspecified";
    }
}
