package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectNotConfiguredException;
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
        Optional<DevDatabase> server = devDatabase.filter(d -> servesUrl(d.jdbcUrl()));
        if (server.isEmpty() && devDatabase.filter(DevDatabase::explicit).isPresent()) {
            throw new AutogenException("the shadow database server must be a " + URL_PREFIX + " URL, got '"
                    + devDatabase.get().jdbcUrl() + "'");
        }
        return new PostgresDialect(server.map(ShadowServer::of).orElseThrow(() -> new DialectNotConfiguredException(
                "the postgresql dialect needs a server for its shadow databases: set -D" + DevDatabase.URL_PROPERTY
                        + "=jdbc:postgresql://host:5432/db (and " + DevDatabase.USER_PROPERTY + ", "
                        + DevDatabase.PASSWORD_PROPERTY + "), the environment variables FLYWAY_AUTOGEN_SHADOW_URL/_USER/"
                        + "_PASSWORD, or the CLI's --shadow-url/--shadow-user/--shadow-password; the user needs CREATEDB")));
    }
}
