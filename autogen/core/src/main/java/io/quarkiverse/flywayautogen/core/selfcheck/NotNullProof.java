package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The other outcome of a column made NOT NULL with nothing to fill it: with a NULL left in that column the script
 * must fail as a whole, saying which column, and leave schema and rows exactly as they were. The proof needs a row
 * to hold that NULL: the sample rows of the main check (values consistent with the script), then NULL in the one
 * column. When no sample row can be stored in the table the proof is not made, and the result says so ("could not
 * build a sample"), rather than claiming a NULL the database never held.
 */
final class NotNullProof {

    private NotNullProof() {
    }

    static List<String> verify(Dialect dialect, ScratchDatabase replayed, Path migrationsDir, Schema current, Schema expected,
                               List<Operation> operations, Script forward, List<String> unsampled) {
        List<String> problems = new ArrayList<>();
        Schema sampled = SampleScope.of(current, expected, operations).restrict(current);
        for (Operation op : operations) {
            if (!(op instanceof AlterColumn alter) || !alter.tightensToNotNull() || alter.to().hasDefault()) {
                continue;
            }
            String column = alter.table() + "." + alter.from().name();
            try (ScratchDatabase db = replayed.copy("notnull")) {
                Map<String, Long> before;
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    List<String> notes = SampleRows.insert(c, sampled, expected, dialect);
                    int nulled = st.executeUpdate("UPDATE " + dialect.quoteIdentifier(alter.table()) + " SET "
                            + dialect.quoteIdentifier(alter.from().name()) + " = NULL");
                    if (nulled == 0) {
                        unsampled.add(SampleFailures.cannotBuild(alter.table(), "no sample row could be stored in it, so "
                                + forward.fileName() + " was not tried on a NULL in " + column
                                + notes.stream().filter(n -> n.contains(" into " + alter.table() + ":")).findFirst()
                                        .or(() -> notes.stream().findFirst()).map(n -> " (" + n + ")").orElse("")));
                        continue;
                    }
                    before = RowCounts.count(c, sampled, dialect);
                }
                Path dir = SelfCheck.writeScript(db, "forward", forward);
                List<String> failure = new ArrayList<>();
                if (SelfCheck.runScript(db, List.of(migrationsDir, dir), forward.fileName(), failure)) {
                    problems.add(forward.fileName() + " made " + column + " NOT NULL although a row held NULL in it");
                    continue;
                }
                if (!String.join(" ", failure).contains(alter.from().name())) {
                    problems.add(forward.fileName() + " failed on a NULL in " + column + " without naming it: " + failure);
                }
                try (Connection c = db.connect()) {
                    Schema after = dialect.reader().read(c);
                    new SchemaComparator().compare(after, current, RenameHints.none()).operations().forEach(left ->
                            problems.add("a failed " + forward.fileName() + " left a change behind: " + left.describe()));
                    if (!RowCounts.count(c, sampled, dialect).equals(before)) {
                        problems.add("a failed " + forward.fileName() + " changed row counts");
                    }
                }
            } catch (SQLException e) {
                problems.add("NOT NULL self-check database error: " + e.getMessage());
            }
        }
        return problems;
    }
}
