package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectProvider;

import java.util.Optional;

/**
 * PostgreSQL's entry in the engine's list of databases: its shadow databases go on the {@link DevDatabase}'s server
 * when that is a PostgreSQL URL. A datasource of another kind (a SQLite application shipping PostgreSQL migrations
 * too) leaves it not configured; a shadow server set explicitly to another kind's URL is an error.
 */
public final class PostgresDialectProvider implements DialectProvider {

    static final String URL_PREFIX = "jdbc:postgresql:";

    @Override
    public String name() {
        return PostgresDialect.NAME;
    }

    @Override
    public boolean servesUrl(String jdbcUrl) {
        return jdbcUrl.startsWith(URL_PREFIX);
    }

    @Override
    public Dialect create(Optional<DevDatabase> devDatabase) {
        return new PostgresDialect(new ShadowServer(DevDatabase.serverFor(this, devDatabase,
                "jdbc:postgresql://host:5432/db", "CREATEDB")));
    }
}
