package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.dialect.ConstraintViolation;
import io.quarkiverse.flywayautogen.core.dialect.Capabilities;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectPlanner;
import io.quarkiverse.flywayautogen.core.dialect.ReplaySnapshots;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.SchemaReader;
import io.quarkiverse.flywayautogen.core.model.TypeRules;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.TableSizes;

/**
 * SQLite: scratch databases are files, the schema is read through sqlite_master and PRAGMAs, and changes SQLite's
 * ALTER TABLE cannot make are table rebuilds. Foreign keys are checked by {@code PRAGMA foreign_key_check}, since
 * SQLite lets a script leave orphans behind when it defers the checks.
 */
public final class SqliteDialect implements Dialect {

    static final String NAME = "sqlite";
    private static final Capabilities CAPABILITIES = new Capabilities(false, false, false, true, true);

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
        return org.hibernate.community.dialect.SQLiteDialect.class.getName();
    }

    @Override
    public TypeRules types() {
        return SqliteTypes.RULES;
    }

    @Override
    public ScratchDatabase newScratchDatabase(String purpose) {
        return SqliteScratchDatabase.create(purpose);
    }

    @Override
    public SchemaReader reader() {
        return new SqliteSchemaReader();
    }

    @Override
    public DialectPlanner planner() {
        return new SqlitePlanner();
    }

    @Override
    public DataSource dataSource(ScratchDatabase database) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(database.jdbcUrl());
        return dataSource;
    }

    @Override
    public List<String> foreignKeyViolations(Connection c) {
        List<String> violations = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                violations.add(rs.getString(1) + " rowid " + rs.getString(2) + " -> " + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run foreign_key_check: " + e.getMessage(), e);
        }
        return violations;
    }

    /** Byte copies of scratch files in {@code directory}. */
    @Override
    public Optional<ReplaySnapshots> replaySnapshots(Path directory) {
        return Optional.of(new SqliteReplaySnapshots(directory));
    }

    @Override
    public List<RolloutFinding> lockingFindings(Operation op, Schema before, TableSizes sizes) {
        return SqliteLockingRules.of(op, before, sizes);
    }

    /**
     * sqlite-jdbc names the constraint kind only in its message ("CHECK constraint failed: ..."); the CHECK a
     * rebuild makes on {@code pragma_foreign_key_check} ("foreign keys hold") is a foreign key failure.
     */
    @Override
    public Optional<ConstraintViolation> violatedConstraint(SQLException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.toLowerCase(java.util.Locale.ROOT).contains("foreign key")) {
            return Optional.of(ConstraintViolation.FOREIGN_KEY);
        } else if (message.contains("CHECK constraint failed")) {
            return Optional.of(ConstraintViolation.CHECK);
        } else if (message.contains("UNIQUE constraint failed") || message.contains("PRIMARY KEY constraint failed")) {
            return Optional.of(ConstraintViolation.UNIQUE);
        } else if (message.contains("NOT NULL constraint failed")) {
            return Optional.of(ConstraintViolation.NOT_NULL);
        }
        return Optional.empty();
    }
}
