package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.compare.TableOrder;
import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.SqlObject;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds the tables SQLite cannot ALTER in place, one by one, with SQLite's own procedure for "other kinds of
 * table schema changes" (lang_altertable.html section 7): create the new table, copy the rows, drop the old one,
 * rename the new one to the old name, recreate indexes, triggers and views, check the foreign keys.
 * <p>
 * Only the tables whose own definition changes are rebuilt. The procedure needs {@code PRAGMA foreign_keys=OFF}:
 * with foreign keys on, {@code DROP TABLE parent} deletes every parent row first, which fires the children's ON
 * DELETE actions (CASCADE empties them) and, for children without an index on their key, scans the child once per
 * parent row; deferring the checks does not help, the commit then fails on the rows the drop orphaned (see
 * ForeignKeyMechanismTest). {@code PRAGMA foreign_keys} is a no-op inside a transaction, so the script runs outside
 * Flyway's transaction ({@link SqlitePlanner} wraps it and a {@code .sql.conf} beside it says so) and opens its own
 * with a SAVEPOINT. With foreign keys off, children keep their REFERENCES text untouched: it names the table, which
 * exists again after the rename (legacy_alter_table stays OFF, so the rename only rewrites references to the
 * temporary name, and nothing references that).
 * <p>
 * Before the commit the script proves integrity: {@code pragma_foreign_key_check} on every rebuilt table and on every
 * table referencing one must find nothing, or an {@code INSERT OR ROLLBACK} into a table whose CHECK allows only 0
 * rolls the whole script back and fails it. Copies run as {@code INSERT OR ROLLBACK} too, so a row the new
 * definition refuses (NOT NULL, UNIQUE, CHECK) also undoes everything.
 */
final class TableRebuild {

    static final String NEW_SUFFIX = "__autogen_new";
    /** The temporary table whose CHECK turns a foreign key violation into a failed, rolled-back script. */
    static final String CHECK_TABLE = "autogen_foreign_key_check";

    private final Schema before;
    private final Schema target;
    private final Set<String> tables;
    private final List<Operation> operations;
    private final List<String> finalNames;

    TableRebuild(Schema before, Schema target, Set<String> tables, List<Operation> operations, List<String> finalNames) {
        this.before = before;
        this.target = target;
        this.tables = tables;
        this.operations = operations;
        this.finalNames = finalNames;
    }

    List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        List<SqlObject> views = before.views();
        List<SqlObject> triggers = before.triggers().stream()
                .filter(tr -> tables.contains(tr.table()) || tables.stream().anyMatch(t -> SqlitePlanner.mentions(tr.sql(), t)))
                .toList();
        // The rename checks every view and trigger against the schema; one naming a dropped table would fail it.
        views.forEach(v -> out.add(sql("DROP VIEW " + SqliteDdl.q(v.name()))));
        triggers.forEach(tr -> out.add(sql("DROP TRIGGER IF EXISTS " + SqliteDdl.q(tr.name()))));

        for (Table t : TableOrder.parentsFirst(tables.stream().map(target::requireTable).toList())) {
            out.add(Statement.comment("rebuild " + t.name() + " (new table, copy rows, drop old, rename): " + reason(t.name())));
            boolean autoincrement = before.autoincrementTables().contains(t.name());
            out.add(sql(SqliteDdl.createTable(t, t.name() + NEW_SUFFIX, ref -> ref, autoincrement)));
            copyRows(t).ifPresent(copy -> out.add(sql(copy)));
            if (autoincrement) {
                keepAutoincrementCounter(t.name()).forEach(s -> out.add(sql(s)));
            }
            out.add(sql("DROP TABLE " + SqliteDdl.q(t.name())));
            out.add(sql("ALTER TABLE " + SqliteDdl.q(t.name() + NEW_SUFFIX) + " RENAME TO " + SqliteDdl.q(t.name())));
            t.indexes().forEach(i -> out.add(sql(SqliteDdl.createIndex(t.name(), i))));
        }
        triggers.forEach(tr -> out.add(sql(tr.sql())));
        views.forEach(v -> out.add(sql(v.sql())));
        out.addAll(foreignKeyCheck());
        return out;
    }

    /** Why the table is rebuilt: the operations on it that SQLite's ALTER TABLE cannot make. */
    private String reason(String table) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            if (finalNames.get(i).equals(table) && !(operations.get(i) instanceof RenameTable)) {
                reasons.add(operations.get(i).describe());
            }
        }
        return reasons.isEmpty() ? "its definition changes" : String.join("; ", reasons);
    }

    /**
     * The rebuilt tables and every table referencing one: their foreign keys must hold before the commit. The
     * pragma lists violations where the named table is the child, so the children are named too.
     */
    private List<Statement> foreignKeyCheck() {
        Set<String> checked = new TreeSet<>(tables);
        for (Table t : target.tables()) {
            if (t.foreignKeys().stream().anyMatch(fk -> tables.contains(fk.referencedTable()))) {
                checked.add(t.name());
            }
        }
        String violations = checked.stream()
                .map(t -> "SELECT count(*) AS n FROM pragma_foreign_key_check(" + SqliteDdl.quoteLiteral(t) + ")")
                .collect(java.util.stream.Collectors.joining("\n    UNION ALL "));
        String checkTable = "temp." + SqliteDdl.q(CHECK_TABLE);
        return List.of(
                Statement.comment("integrity before commit: no foreign key of " + String.join(", ", checked)
                        + " may point at a missing row; a violation breaks the CHECK and OR ROLLBACK undoes the whole script"),
                sql("CREATE TEMP TABLE " + SqliteDdl.q(CHECK_TABLE)
                        + " (violations INTEGER NOT NULL CONSTRAINT \"foreign keys hold\" CHECK (violations = 0))"),
                sql("INSERT OR ROLLBACK INTO " + checkTable + " (violations)\nSELECT sum(n) FROM (" + violations + ")"),
                sql("DROP TABLE " + checkTable));
    }

    private static Statement sql(String sql) {
        return Statement.sql(sql, null);
    }

    /**
     * AUTOINCREMENT never reuses an id, even of deleted rows: its counter in sqlite_sequence moves to the new table
     * (the copy only set it to the highest id left). Renaming the new table into place renames its counter row.
     */
    private static List<String> keepAutoincrementCounter(String table) {
        String newName = SqliteDdl.quoteLiteral(table + NEW_SUFFIX);
        return List.of("DELETE FROM sqlite_sequence WHERE name = " + newName,
                "INSERT INTO sqlite_sequence (name, seq) SELECT " + newName + ", seq FROM sqlite_sequence WHERE name = "
                        + SqliteDdl.quoteLiteral(table));
    }

    private Optional<String> copyRows(Table newTable) {
        Table old = before.requireTable(newTable.name());
        Map<String, String> sourceOf = columnSources(old);
        List<String> targetColumns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (Column c : newTable.columns()) {
            String source = sourceOf.get(c.name());
            if (source == null) {
                continue; // new column: its declared default fills existing rows
            }
            Column sourceColumn = old.column(source).orElseThrow();
            String expr = SqliteDdl.q(source);
            if (!c.nullable() && sourceColumn.nullable() && c.hasDefault()) {
                expr = "COALESCE(" + expr + ", " + c.defaultValue() + ")"; // NOT NULL tightening: NULLs take the default
            }
            targetColumns.add(SqliteDdl.q(c.name()));
            expressions.add(expr);
        }
        if (targetColumns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("INSERT OR ROLLBACK INTO " + SqliteDdl.q(newTable.name() + NEW_SUFFIX) + " (" + String.join(", ", targetColumns)
                + ")\nSELECT " + String.join(", ", expressions) + " FROM " + SqliteDdl.q(old.name()));
    }

    /** Target column name to the old table's column it is copied from, following renames, adds and drops. */
    private Map<String, String> columnSources(Table old) {
        Map<String, String> sourceOf = new HashMap<>();
        old.columns().forEach(c -> sourceOf.put(c.name(), c.name()));
        for (int i = 0; i < operations.size(); i++) {
            if (!finalNames.get(i).equals(old.name())) {
                continue;
            }
            Operation op = operations.get(i);
            if (op instanceof RenameColumn r) {
                sourceOf.put(r.to(), sourceOf.remove(r.from()));
            } else if (op instanceof AddColumn a) {
                sourceOf.put(a.column().name(), null);
            } else if (op instanceof DropColumn d) {
                sourceOf.remove(d.column().name());
            }
        }
        return sourceOf;
    }

}
