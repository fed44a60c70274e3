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
 * must fail as a whole, saying which column, and leave schema and rows exactly as they were.
 */
final class NotNullProof {

    private NotNullProof() {
    }

    static List<String> verify(Dialect dialect, ScratchDatabase replayed, Path migrationsDir, Schema current, List<Operation> operations,
                               Script forward) {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations) {
            if (!(op instanceof AlterColumn alter) || !alter.tightensToNotNull() || alter.to().hasDefault()) {
                continue;
            }
            String column = alter.table() + "." + alter.from().name();
            try (ScratchDatabase db = replayed.copy("notnull")) {
                Map<String, Long> before;
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    SampleRows.insert(c, current, dialect.types());
                    st.executeUpdate("UPDATE \"" + alter.table().replace("\"", "\"\"") + "\" SET \""
                            + alter.from().name().replace("\"", "\"\"") + "\" = NULL");
                    before = RowCounts.count(c, current);
                }
                Path dir = SelfCheck.writeScript(db, "forward", forward.fileName(), forward.content());
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
                    if (!RowCounts.count(c, current).equals(before)) {
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
