package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectProvider;

import java.util.Optional;

/** SQLite's entry in the engine's list of databases: its scratch databases are temporary files, no server needed. */
public final class SqliteDialectProvider implements DialectProvider {

    @Override
    public String name() {
        return SqliteDialect.NAME;
    }

    @Override
    public boolean servesUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    @Override
    public Dialect create(Optional<DevDatabase> devDatabase) {
        return new SqliteDialect();
    }
}
