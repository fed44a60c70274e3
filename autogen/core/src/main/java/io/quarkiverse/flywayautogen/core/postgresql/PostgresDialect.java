package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.ConstraintViolation;
import io.quarkiverse.flywayautogen.core.dialect.Capabilities;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectPlanner;
import io.quarkiverse.flywayautogen.core.dialect.ReplaySnapshots;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.SchemaReader;
import io.quarkiverse.flywayautogen.core.model.IdentifierCase;
import io.quarkiverse.flywayautogen.core.model.TypeRules;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.TableSizes;

/**
 * PostgreSQL 15 and later: migrations are replayed into shadow databases created on a {@link ShadowServer}, the
 * schema is read through pg_catalog, and every change is plain transactional ALTER TABLE. Unquoted identifiers
 * fold to lower case, as Hibernate's validation expects them.
 */
public final class PostgresDialect implements Dialect {

    private final ShadowServer server;

    public PostgresDialect(ShadowServer server) {
        this.server = server;
    }

    static final String NAME = "postgresql";
    private static final Capabilities CAPABILITIES = new Capabilities(true, true, true, false, false);

    public ShadowServer server() {
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
        return org.hibernate.dialect.PostgreSQLDialect.class.getName();
    }

    @Override
    public TypeRules types() {
        return PostgresTypes.RULES;
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.LOWER;
    }

    @Override
    public ScratchDatabase newScratchDatabase(String purpose) {
        return PostgresShadowDatabase.create(server, purpose);
    }

    @Override
    public SchemaReader reader() {
        return new PostgresSchemaReader();
    }

    @Override
    public DialectPlanner planner() {
        return new PostgresPlanner();
    }

    @Override
    public DataSource dataSource(ScratchDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    /** PostgreSQL checks every foreign key when the row is written (or at commit, when deferred): no orphans. */
    @Override
    public List<String> foreignKeyViolations(Connection connection) {
        return List.of();
    }

    /** Template databases on the shadow server; {@code directory} is not used. */
    @Override
    public Optional<ReplaySnapshots> replaySnapshots(Path directory) {
        return Optional.of(new PostgresReplayTemplates(server));
    }

    @Override
    public List<RolloutFinding> lockingFindings(Operation op, Schema before, TableSizes sizes) {
        return op.accept(new PostgresLockingRules());
    }

    @Override
    public io.quarkiverse.flywayautogen.core.rollout.lint.StatementRules statementRules() {
        return new PostgresStatementRules();
    }

    /** PostgreSQL's SQLSTATEs of class 23, one per constraint kind. */
    @Override
    public Optional<ConstraintViolation> violatedConstraint(java.sql.SQLException failure) {
        return Optional.ofNullable(switch (String.valueOf(failure.getSQLState())) {
            case "23514" -> ConstraintViolation.CHECK;
            case "23505" -> ConstraintViolation.UNIQUE;
            case "23502" -> ConstraintViolation.NOT_NULL;
            case "23503" -> ConstraintViolation.FOREIGN_KEY;
            default -> null;
        });
    }
}
