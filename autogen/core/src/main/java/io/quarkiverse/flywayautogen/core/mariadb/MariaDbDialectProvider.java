package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectNotConfiguredException;
import io.quarkiverse.flywayautogen.core.dialect.DialectProvider;

import java.util.Optional;

/**
 * MariaDB's entry in the engine's list of databases ({@code db-kind=mariadb}, {@code jdbc:mariadb:} URLs): its
 * shadow databases go on the {@link DevDatabase}'s server when that is a MariaDB URL.
 */
public final class MariaDbDialectProvider implements DialectProvider {

    static final String URL_PREFIX = "jdbc:mariadb:";

    @Override
    public String name() {
        return MariaDbDialect.NAME;
    }

    @Override
    public boolean servesUrl(String jdbcUrl) {
        return jdbcUrl.startsWith(URL_PREFIX);
    }

    @Override
    public Dialect create(Optional<DevDatabase> devDatabase) {
        Optional<DevDatabase> server = devDatabase.filter(d -> servesUrl(d.jdbcUrl()));
        if (server.isEmpty() && devDatabase.filter(DevDatabase::explicit).isPresent()) {
            throw new AutogenException("the shadow database server must be a " + URL_PREFIX + " URL, got '"
                    + devDatabase.get().jdbcUrl() + "'");
        }
        return new MariaDbDialect(server.map(MariaDbServer::of).orElseThrow(() -> new DialectNotConfiguredException(
                "the mariadb dialect needs a server for its shadow databases: set -D" + DevDatabase.URL_PROPERTY
                        + "=jdbc:mariadb://host:3306/db (and " + DevDatabase.USER_PROPERTY + ", "
                        + DevDatabase.PASSWORD_PROPERTY + "), the environment variables FLYWAY_AUTOGEN_SHADOW_URL/_USER/"
                        + "_PASSWORD, or the CLI's --shadow-url/--shadow-user/--shadow-password; the user needs CREATE"
                        + " and DROP on the autogen_* databases")));
    }
}
