package io.quarkiverse.flywayautogen.core.draft;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.compare.NotNullRule;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.current.MigrationReplayer;
import io.quarkiverse.flywayautogen.core.desired.ColumnOrigins;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.IrreversibleOperation;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Takes a live (dev) database back to the schema the migrations before a draft build, so that the draft can be
 * generated again and applied in its place. The undo is not read from the draft's file, which may have been edited
 * since it was applied: it is the difference between what the database holds now and what the earlier migrations
 * build, each operation of it the {@linkplain Operation#reverse() reverse} of one the draft performed. It is refused,
 * with the reason, when the draft dropped or narrowed something (its data cannot come back), when an operation has
 * no reverse, or when the undo would throw away values the database holds (a column or table with data).
 */
public final class DraftUndo {

    /** The undo: its operations, for the log, and the SQL statements that perform them. */
    public record Plan(List<Operation> operations, List<String> statements, Schema before) {
        public String summary() {
            return String.join("; ", operations.stream().map(Operation::describe).toList());
        }
    }

    private final Dialect dialect;

    public DraftUndo(Dialect dialect) {
        this.dialect = dialect;
    }

    /** {@code migrationsBefore}: the folder without the draft; {@code live}: the database the draft was applied to. */
    public Plan plan(Connection live, Path migrationsBefore) {
        Schema before = replayed(migrationsBefore);
        Schema applied = dialect.reader().read(live);
        List<Operation> draft = new SchemaComparator().compare(before, applied, RenameHints.none()).operations();
        List<Operation> undo = new ArrayList<>();
        for (Operation op : draft) {
            if (op.destructive()) {
                throw new AutogenException("the draft performs '" + op.describe() + "': its undo cannot bring the data back");
            }
            try {
                undo.add(op.reverse());
            } catch (IrreversibleOperation e) {
                throw new AutogenException("the draft performs '" + op.describe() + "', which has no undo: " + e.getMessage());
            }
        }
        Collections.reverse(undo);
        NotNullRule.check(undo, ColumnOrigins.none());
        List<String> lost = DataLoss.of(live, undo);
        if (!lost.isEmpty()) {
            throw new AutogenException("undoing the draft would delete dev data: " + String.join("; ", lost));
        }
        List<String> sql = dialect.planner().plan(applied, undo).stream()
                .filter(s -> !s.isComment()).map(Statement::sql).toList();
        return new Plan(undo, sql, before);
    }

    /**
     * Runs the undo and deletes the draft's row from Flyway's history, in one transaction that is rolled back unless
     * the database then holds exactly the schema before the draft.
     */
    public void apply(Connection live, Plan plan, String historyTable, String draftVersion) {
        try {
            boolean autoCommit = live.getAutoCommit();
            live.setAutoCommit(false);
            try {
                try (java.sql.Statement st = live.createStatement()) {
                    for (String sql : plan.statements()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement delete = live.prepareStatement(
                        "DELETE FROM \"" + historyTable + "\" WHERE \"version\" = ?")) {
                    delete.setString(1, draftVersion);
                    delete.executeUpdate();
                }
                List<Operation> left = new SchemaComparator()
                        .compare(dialect.reader().read(live), plan.before(), RenameHints.none()).operations();
                if (!left.isEmpty()) {
                    throw new AutogenException("the undo left the database different from before the draft: "
                            + String.join("; ", left.stream().map(Operation::describe).toList()));
                }
                live.commit();
            } catch (SQLException | RuntimeException e) {
                live.rollback();
                throw e;
            } finally {
                live.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new AutogenException("undoing the draft failed, nothing changed: " + e.getMessage(), e);
        }
    }

    private Schema replayed(Path migrations) {
        MigrationReplayer.Replay replay = new MigrationReplayer(dialect).replay(migrations);
        try (ScratchDatabase db = replay.database(); Connection c = db.connect()) {
            return dialect.reader().read(c);
        } catch (SQLException e) {
            throw new AutogenException("cannot read the schema before the draft: " + e.getMessage(), e);
        }
    }
}
