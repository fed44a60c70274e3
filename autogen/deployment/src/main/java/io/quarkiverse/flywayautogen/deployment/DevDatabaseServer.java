package io.quarkiverse.flywayautogen.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the application's dev database is: the datasource's configured {@code jdbc.url}, or the database Dev
 * Services started for it (no URL configured in any profile, the common case for PostgreSQL). Its server also hosts
 * the shadow databases, unless {@code flyway-autogen.shadow-url} names another one.
 *
 * @param jdbcUrl     the dev database's JDBC URL
 * @param user        its user, null when none is configured
 * @param password    its password, null when none is configured
 * @param devServices the database is the one Dev Services started (its URL is known only once it runs)
 */
public record DevDatabaseServer(String jdbcUrl, String user, String password, boolean devServices) {

    private static final Pattern HOST_PORT = Pattern.compile("jdbc:[a-z0-9]+://([^/?;]+).*");

    /** The datasource's configured URL and credentials, read as the datasource extension reads them. */
    static Optional<DevDatabaseServer> configured(TargetDatasource target) {
        return TargetDatasource.runtimeValue(target.datasourceKey("jdbc.url")).map(url -> new DevDatabaseServer(url,
                TargetDatasource.runtimeValue(target.datasourceKey("username")).orElse(null),
                TargetDatasource.runtimeValue(target.datasourceKey("password")).orElse(null), false));
    }

    /**
     * The datasource's database among the configuration Dev Services hands the application once its services run
     * (the keys the application would read: {@code quarkus.datasource.jdbc.url}, ...); empty when none of them is it.
     * Their running services' configuration holds the URL only (the user and password are the service's
     * description, which only the build that starts it sees): see {@link #withCredentialsOf}.
     */
    static Optional<DevDatabaseServer> startedByDevServices(TargetDatasource target, Map<String, String> devServicesConfig) {
        return Optional.ofNullable(devServicesConfig.get(target.datasourceKey("jdbc.url"))).map(url -> new DevDatabaseServer(
                url, devServicesConfig.get(target.datasourceKey("username")),
                devServicesConfig.get(target.datasourceKey("password")), true));
    }

    /**
     * The user and password of {@code earlier} when this is the same database and its own are not known: a reload
     * finds Dev Services' database running, with its URL; the start that compared on it first knew its credentials.
     * Else the datasource's configured ones, which Dev Services give their database too.
     */
    DevDatabaseServer withCredentialsOf(DevDatabaseServer earlier, TargetDatasource target) {
        if (user != null) {
            return this;
        }
        if (earlier != null && earlier.jdbcUrl.equals(jdbcUrl)) {
            return new DevDatabaseServer(jdbcUrl, earlier.user, earlier.password, devServices);
        }
        return new DevDatabaseServer(jdbcUrl, TargetDatasource.runtimeValue(target.datasourceKey("username")).orElse(null),
                TargetDatasource.runtimeValue(target.datasourceKey("password")).orElse(null), devServices);
    }

    /** What the card and the log call it: {@code Dev Services PostgreSQL at localhost:32768}, or the configured URL. */
    public String description() {
        if (!devServices) {
            return "configured URL " + withoutQuery();
        }
        Matcher hostPort = HOST_PORT.matcher(jdbcUrl);
        String product = jdbcUrl.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "database";
        return "Dev Services " + product + " at " + (hostPort.matches() ? hostPort.group(1) : withoutQuery());
    }

    /** A URL may carry credentials in its query: messages never show it. */
    private String withoutQuery() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** Never prints the password: the record may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "DevDatabaseServer[" + description() + ", user " + user + "]";
    }
}
