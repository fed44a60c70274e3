package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
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
        return new MariaDbDialect(DevDatabase.serverFor(this, devDatabase, "jdbc:mariadb://host:3306/db",
                "CREATE and DROP on the autogen_* databases"));
    }
}
