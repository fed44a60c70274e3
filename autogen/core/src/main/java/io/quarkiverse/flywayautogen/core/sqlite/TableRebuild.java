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

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds tables SQLite cannot ALTER in place (lang_altertable.html section 7), from the declared model.
 * <p>
 * Why this shape. The application runs with {@code foreign_keys=ON}. With it on, {@code DROP TABLE parent} performs
 * an implicit DELETE, so ON DELETE CASCADE / SET NULL children are emptied or nulled. The usual cure, {@code PRAGMA
 * foreign_keys=OFF}, is a no-op inside a transaction, and Flyway runs a script holding it outside any transaction,
 * so a failure half-way would not roll back. {@code PRAGMA legacy_alter_table=ON} does not help either: with
 * foreign keys on, SQLite still re-points the children at the renamed old table, and dropping it cascades (tested).
 * <p>
 * So the rebuild never drops a table that still has children: it also rebuilds every table that references a
 * rebuilt table (transitively). All new tables are created as {@code name__autogen_new} pointing at each other's new
 * names, rows are copied parents first, the old tables are dropped children first (so every implicit DELETE finds
 * no child rows left), then the new tables are renamed into place, which makes SQLite re-point the references.
 * {@code PRAGMA defer_foreign_keys=ON} (allowed in a transaction, reset at commit) covers self-references and cycles
 * while copying; any row left without its parent fails the commit. Everything stays inside Flyway's single
 * transaction, so a failure leaves schema and data exactly as they were, and no runtime hook is needed.
 * Views and triggers that could block the renames are dropped first and recreated from their original SQL.
 */
final class TableRebuild {

    static final String NEW_SUFFIX = "__autogen_new";

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

    /** The rebuild set grown by every surviving table that references a member, before or after the change. */
    static Set<String> withDependents(Set<String> rebuild, Schema before, Schema target) {
        Set<String> result = new TreeSet<>(rebuild);
        Map<String, Table> targetTables = new HashMap<>();
        target.tables().forEach(t -> targetTables.put(t.name(), t));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Table t : before.tables()) {
                Table after = targetTables.get(t.name());
                if (result.contains(t.name()) || after == null) {
                    continue;
                }
                boolean referencing = references(t, result) || references(after, result);
                if (referencing) {
                    result.add(t.name());
                    grew = true;
                }
            }
        }
        return result;
    }

    private static boolean references(Table t, Set<String> parents) {
        return t.foreignKeys().stream().anyMatch(fk -> parents.contains(fk.referencedTable()) && !fk.referencedTable().equals(t.name()));
    }

    List<Statement> statements() {
        List<String> out = new ArrayList<>();
        out.add("PRAGMA defer_foreign_keys = ON");
        List<SqlObject> views = before.views();
        List<SqlObject> triggers = before.triggers().stream()
                .filter(tr -> tables.contains(tr.table()) || tables.stream().anyMatch(t -> SqlitePlanner.mentions(tr.sql(), t)))
                .toList();
        views.forEach(v -> out.add("DROP VIEW " + SqliteDdl.q(v.name())));
        triggers.forEach(tr -> out.add("DROP TRIGGER IF EXISTS " + SqliteDdl.q(tr.name())));

        List<Table> newTables = TableOrder.parentsFirst(tables.stream().map(target::requireTable).toList());
        for (Table t : newTables) {
            out.add(SqliteDdl.createTable(t, t.name() + NEW_SUFFIX, ref -> tables.contains(ref) ? ref + NEW_SUFFIX : ref,
                    before.autoincrementTables().contains(t.name())));
            copyRows(t).ifPresent(out::add);
            if (before.autoincrementTables().contains(t.name())) {
                out.addAll(keepAutoincrementCounter(t.name()));
            }
        }
        List<Table> oldTables = new ArrayList<>(TableOrder.parentsFirst(tables.stream().map(before::requireTable).toList()));
        Collections.reverse(oldTables);
        oldTables.forEach(t -> out.add("DROP TABLE " + SqliteDdl.q(t.name())));
        for (Table t : newTables) {
            out.add("ALTER TABLE " + SqliteDdl.q(t.name() + NEW_SUFFIX) + " RENAME TO " + SqliteDdl.q(t.name()));
        }
        for (Table t : newTables) {
            t.indexes().forEach(i -> out.add(SqliteDdl.createIndex(t.name(), i)));
        }
        triggers.forEach(tr -> out.add(tr.sql()));
        views.forEach(v -> out.add(v.sql()));
        List<Statement> typed = new ArrayList<>();
        typed.add(Statement.comment("rebuild " + String.join(", ", tables) + " (new table, copy rows, drop old, rename; see TableRebuild)"));
        out.forEach(sql -> typed.add(Statement.sql(sql, null)));
        return typed;
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
        return Optional.of("INSERT INTO " + SqliteDdl.q(newTable.name() + NEW_SUFFIX) + " (" + String.join(", ", targetColumns)
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
