package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.Capabilities;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectPlanner;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.SchemaReader;
import io.quarkiverse.flywayautogen.core.dialect.ServerLogin;
import io.quarkiverse.flywayautogen.core.model.TypeRules;
import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * MariaDB 10.6 and later (tested on 10.11): migrations are replayed into shadow databases created on a MariaDB
 * server ({@link ServerLogin}), the schema is read through information_schema, and every change is ALTER TABLE, which
 * MariaDB commits statement by statement ({@link NonAtomicOrder}). Names keep their case (tables are files on
 * Linux). No replay snapshots: without template databases a copy re-creates and refills every table, about what a
 * replay of a short history costs, so every replay starts from an empty database.
 */
public final class MariaDbDialect implements Dialect {

    public static final String NAME = "mariadb";
    private static final Capabilities CAPABILITIES = new Capabilities(false, true, false, false, false);

    private final ServerLogin server;

    public MariaDbDialect(ServerLogin server) {
        this.server = server;
    }

    public ServerLogin server() {
        return server;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String hibernateDialect() {
        return org.hibernate.dialect.MariaDBDialect.class.getName();
    }

    @Override
    public TypeRules types() {
        return MariaDbTypes.RULES;
    }

    @Override
    public ScratchDatabase newScratchDatabase(String purpose) {
        return MariaDbShadowDatabase.create(server, purpose);
    }

    @Override
    public SchemaReader reader() {
        return new MariaDbSchemaReader();
    }

    @Override
    public DialectPlanner planner() {
        return new MariaDbPlanner();
    }

    @Override
    public DataSource dataSource(ScratchDatabase database) {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(database.jdbcUrl());
            dataSource.setUser(database.user());
            dataSource.setPassword(database.password());
            return dataSource;
        } catch (SQLException e) {
            throw new AutogenException("cannot make a data source for " + database.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** InnoDB checks every foreign key when the row is written: no orphans. */
    @Override
    public List<String> foreignKeyViolations(Connection connection) {
        return List.of();
    }
}
