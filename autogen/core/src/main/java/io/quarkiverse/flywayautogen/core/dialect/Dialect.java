package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.model.IdentifierCase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.TypeRules;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.TableSizes;
import io.quarkiverse.flywayautogen.core.rollout.lint.StatementRules;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between databases, in one object per database (its own package): Hibernate's dialect
 * for the desired schema, the scratch database migrations are replayed into, the schema reader, the type rules, the
 * planner, and the data invariants the self-check asks of it. Made by its package's {@link DialectProvider}, found
 * by {@link Dialects}; code outside the package asks for {@link #capabilities()}, never compares {@link #name()}.
 */
public interface Dialect {

    /** {@code sqlite}, for messages and script headers, as Quarkus' {@code db-kind} and the CLI's {@code --dialect} name it. */
    String name();

    /** What the database can do: the differences code outside the dialect's package may act on. */
    Capabilities capabilities();

    /** Class name of the Hibernate dialect the application runs with. */
    String hibernateDialect();

    TypeRules types();

    /** How the database stores identifiers Hibernate leaves unquoted; SQLite keeps their case. */
    default IdentifierCase identifierCase() {
        return IdentifierCase.PRESERVE;
    }

    /** An empty scratch database for a replay. */
    ScratchDatabase newScratchDatabase(String purpose);

    SchemaReader reader();

    DialectPlanner planner();

    /** A data source on a scratch database, for the self-check's Hibernate. */
    DataSource dataSource(ScratchDatabase database);

    /** Rows whose foreign key has no parent; empty where the database never lets such rows exist. */
    List<String> foreignKeyViolations(Connection connection);

    /**
     * Where replayed databases are kept between runs: {@code directory} for a file-based database (a server keeps
     * them as databases of its own); empty where the dialect keeps none, and every replay starts from scratch.
     */
    default Optional<ReplaySnapshots> replaySnapshots(Path directory) {
        return Optional.empty();
    }

    /**
     * The locks {@code op} holds for a time that grows with the table (an index build, a validation scan, a
     * rewrite or rebuild) as this dialect's planner writes it, on {@code before}, the schema as it is when the
     * operation runs; {@code sizes} counts rows where the dev database is known. None by default.
     */
    default List<RolloutFinding> lockingFindings(Operation op, Schema before, TableSizes sizes) {
        return List.of();
    }

    /** The rollout rules the lint reads off this database's SQL statements, beyond the shared ones. None by default. */
    default StatementRules statementRules() {
        return StatementRules.NONE;
    }

    /**
     * {@code identifier} quoted for this database's SQL, its own quote characters doubled, for the statements the
     * self-check writes itself (sample rows, row counts, the previous release's workload). The SQL standard's double
     * quotes by default.
     */
    default String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * The kind of constraint that refused a statement, read off {@code failure}, one exception of the driver (the
     * caller walks the cause chain); empty when it is not a constraint this dialect recognises, which the self-check
     * counts as the script's fault. None by default.
     */
    default Optional<ConstraintViolation> violatedConstraint(SQLException failure) {
        return Optional.empty();
    }
}
