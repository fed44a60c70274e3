package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.compare.TableOrder;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.TypeRules;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proof, not inference, that the previous release still works against the new schema during a rolling deployment:
 * on the migrated copy, for every table of the schema before the migration, a select of the columns it had and an
 * insert that sets only those columns (values as {@link SampleRows} makes them). Each failure names the table and,
 * where it can tell, the column. Run in a transaction that is rolled back: the copy is left as the script made it.
 */
final class PreviousReleaseWorkload {

    /** Past the sample rows' numbers, so that keys and unique values do not collide with them. */
    private static final int ROW = SampleRows.ROWS_PER_TABLE + 1;

    private PreviousReleaseWorkload() {
    }

    /** What the previous release cannot do against {@code after}; empty when it works. */
    static List<PreviousReleaseFailure> run(Connection c, Schema previous, Schema after, Dialect dialect) throws SQLException {
        TypeRules types = dialect.types();
        List<PreviousReleaseFailure> failures = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Map<String, Map<String, Object>> written = new HashMap<>();
            Set<String> unwritable = new HashSet<>();
            for (Table table : TableOrder.parentsFirst(previous.tables())) {
                Optional<Table> now = after.table(table.name());
                select(c, dialect, table, now, failures);
                Optional<String> parentMissing = table.foreignKeys().stream().map(ForeignKey::referencedTable)
                        .filter(unwritable::contains).findFirst();
                if (parentMissing.isPresent()) {
                    unwritable.add(table.name()); // its failure is the parent's, already named
                    continue;
                }
                Map<String, Object> row = SampleRows.previousReleaseRow(previous, table, now, ROW, written, types);
                Optional<String> failure = attempt(c, () -> SampleRows.insertRow(c, dialect, table.name(), row));
                if (failure.isPresent()) {
                    unwritable.add(table.name());
                    failures.add(new PreviousReleaseFailure(table.name(), "the previous release's insert into "
                            + table.name() + " fails" + suspects(table, now) + ": " + failure.get()));
                } else {
                    written.put(table.name(), row);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        return failures;
    }

    /**
     * The columns the new schema lacks are named from it: SQLite reads a double-quoted name it does not know as a
     * string literal, so a select of a dropped column would pass there.
     */
    private static void select(Connection c, Dialect dialect, Table table, Optional<Table> now, List<PreviousReleaseFailure> failures)
            throws SQLException {
        if (now.isPresent()) {
            List<String> gone = table.columns().stream().map(Column::name).filter(n -> now.get().column(n).isEmpty()).toList();
            gone.forEach(n -> failures.add(new PreviousReleaseFailure(table.name(), "the previous release's select of "
                    + table.name() + "." + n + " fails: the column is gone")));
            if (!gone.isEmpty()) {
                return;
            }
        }
        if (attempt(c, () -> query(c, dialect, table.name(), table.columns().stream().map(Column::name).toList())).isEmpty()) {
            return;
        }
        if (attempt(c, () -> query(c, dialect, table.name(), List.of())).isPresent()) {
            failures.add(new PreviousReleaseFailure(table.name(), "the previous release's select from " + table.name()
                    + " fails: the table is gone"));
            return;
        }
        for (Column column : table.columns()) {
            Optional<String> failure = attempt(c, () -> query(c, dialect, table.name(), List.of(column.name())));
            failure.ifPresent(f -> failures.add(new PreviousReleaseFailure(table.name(), "the previous release's select of "
                    + table.name() + "." + column.name() + " fails: " + f)));
        }
    }

    /** Columns the old insert leaves out that may not be left out, or whose type no longer takes old values. */
    private static String suspects(Table before, Optional<Table> now) {
        if (now.isEmpty()) {
            return " (the table is gone)";
        }
        List<String> names = new ArrayList<>();
        before.columns().stream().filter(c -> now.get().column(c.name()).isEmpty())
                .forEach(c -> names.add(before.name() + "." + c.name()));
        for (Column column : now.get().columns()) {
            Optional<Column> old = before.column(column.name());
            boolean leftOut = old.isEmpty() && !column.nullable() && !column.hasDefault() && !column.type().generated();
            boolean changed = old.isPresent() && (!old.get().type().sameTypeAs(column.type())
                    || (old.get().nullable() && !column.nullable()));
            if (leftOut || changed) {
                names.add(now.get().name() + "." + column.name());
            }
        }
        return names.isEmpty() ? "" : " (column " + String.join(", ", names) + ")";
    }

    private static void query(Connection c, Dialect dialect, String table, List<String> columns) throws SQLException {
        String list = columns.isEmpty() ? "1" : String.join(", ", columns.stream().map(dialect::quoteIdentifier).toList());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + list + " FROM " + dialect.quoteIdentifier(table))) {
            while (rs.next()) {
                // read every row, as the release would
            }
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    /** One statement under a savepoint: PostgreSQL refuses every later statement of a transaction after a failure. */
    private static Optional<String> attempt(Connection c, Step step) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            step.run();
            c.releaseSavepoint(savepoint);
            return Optional.empty();
        } catch (SQLException e) {
            c.rollback(savepoint);
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
