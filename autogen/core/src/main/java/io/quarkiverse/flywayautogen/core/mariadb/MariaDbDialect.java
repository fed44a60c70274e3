package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.dialect.ConstraintViolation;
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

    /** Backticks, MariaDB's own quotes: double quotes name identifiers only under {@code sql_mode=ANSI_QUOTES}. */
    @Override
    public String quoteIdentifier(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /**
     * MariaDB says every constraint kind with SQLSTATE 23000 (or HY000), its error code tells them apart: 4025 a
     * CHECK, 1062 a duplicate key, 1048 a NULL into a NOT NULL column (1364 one left without a value in strict
     * mode), 1451 and 1452 a foreign key.
     */
    @Override
    public java.util.Optional<ConstraintViolation> violatedConstraint(SQLException failure) {
        return java.util.Optional.ofNullable(switch (failure.getErrorCode()) {
            case 4025 -> ConstraintViolation.CHECK;
            case 1062 -> ConstraintViolation.UNIQUE;
            case 1048, 1364 -> ConstraintViolation.NOT_NULL;
            case 1451, 1452 -> ConstraintViolation.FOREIGN_KEY;
            default -> null;
        });
    }
}
