package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.ops.SchemaChanges;
import io.quarkiverse.flywayautogen.core.dialect.DialectPlanner;
import io.quarkiverse.flywayautogen.core.dialect.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * SQLite planning: native ALTER TABLE where SQLite's rules allow it (https://www.sqlite.org/lang_altertable.html),
 * a table rebuild ({@link TableRebuild}) of each table whose definition it cannot alter. Emission order: table
 * renames, new tables, drops of tables nothing surviving references, native changes, the rebuilds, remaining table
 * drops. A script with a rebuild runs with foreign keys off, outside Flyway's transaction, in one of its own.
 */
public final class SqlitePlanner implements DialectPlanner {

    static final String SAVEPOINT = "autogen_migration";

    @Override
    public String dialectName() {
        return SqliteDialect.NAME;
    }

    @Override
    public List<Statement> plan(Schema current, List<Operation> operations) {
        Schema target = SchemaChanges.apply(current, operations);
        List<String> finalNames = finalTableNames(operations);
        Set<String> rebuild = tablesNeedingRebuild(current, operations, finalNames);

        List<Statement> out = new ArrayList<>();
        Schema s = current;
        for (Operation op : operations) {
            if (op instanceof RenameTable || op instanceof CreateTable) {
                out.addAll(NativeAlter.of(op, s, op.table()).orElseThrow().typed());
                s = SchemaChanges.apply(s, op);
            }
        }
        List<DropTable> laterDrops = new ArrayList<>();
        for (Operation op : operations) {
            if (op instanceof DropTable d) {
                if (referencedBySurvivor(d.table(), s, target)) {
                    laterDrops.add(d); // after the rebuild removed the references, so no ON DELETE action fires
                } else {
                    out.addAll(NativeAlter.of(op, s, op.table()).orElseThrow().typed());
                    s = SchemaChanges.apply(s, op);
                }
            }
        }
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (op instanceof RenameTable || op instanceof CreateTable || op instanceof DropTable) {
                continue;
            }
            String table = finalNames.get(i);
            if (!rebuild.contains(table)) {
                NativeAlter alter = NativeAlter.of(op, s, table).orElseThrow();
                out.addAll(alter.typed());
                s = SchemaChanges.apply(s, alter.applied());
            }
        }
        if (!rebuild.isEmpty()) {
            out.addAll(new TableRebuild(s, target, rebuild, operations, finalNames).statements());
        }
        laterDrops.forEach(d -> out.add(Statement.sql("DROP TABLE " + SqliteDdl.q(d.table()), d)));
        return rebuild.isEmpty() ? out : outsideFlywaysTransaction(out);
    }

    /**
     * SQLite's rebuild procedure needs foreign keys off, which a transaction ignores. Flyway runs a script holding
     * {@code PRAGMA foreign_keys} outside its transaction (told so by the {@code .sql.conf} the writers put beside
     * such a script, see ScriptConfig); the SAVEPOINT opens the script's own, so that it still applies entirely or
     * not at all. Foreign keys are back on once it has committed.
     */
    private static List<Statement> outsideFlywaysTransaction(List<Statement> script) {
        List<Statement> out = new ArrayList<>();
        out.add(Statement.comment("Rebuilds below follow SQLite's procedure (lang_altertable.html section 7): foreign keys off, so that"));
        out.add(Statement.comment("dropping a rebuilt table fires no ON DELETE action and its children keep their rows and REFERENCES."));
        out.add(Statement.comment("Flyway runs this script outside its transaction (see the .sql.conf beside it); SAVEPOINT opens one."));
        out.add(Statement.sql("PRAGMA foreign_keys = OFF", null));
        out.add(Statement.sql("SAVEPOINT " + SAVEPOINT, null));
        out.addAll(script);
        out.add(Statement.sql("RELEASE " + SAVEPOINT, null));
        out.add(Statement.sql("PRAGMA foreign_keys = ON", null));
        return out;
    }

    /** For each operation, the name its table has once every table rename in the list has run. */
    static List<String> finalTableNames(List<Operation> operations) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            String name = operations.get(i) instanceof RenameTable r ? r.to() : operations.get(i).table();
            for (int j = i + 1; j < operations.size(); j++) {
                if (operations.get(j) instanceof RenameTable r && r.from().equals(name)) {
                    name = r.to();
                }
            }
            names.add(name);
        }
        return names;
    }

    private static Set<String> tablesNeedingRebuild(Schema current, List<Operation> operations, List<String> finalNames) {
        Set<String> rebuild = new TreeSet<>();
        Schema s = current;
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (NativeAlter.of(op, s, op.table()).isEmpty()) {
                rebuild.add(finalNames.get(i));
            }
            s = SchemaChanges.apply(s, op);
        }
        return rebuild;
    }

    private static boolean referencedBySurvivor(String table, Schema s, Schema target) {
        for (Table t : s.tables()) {
            if (!t.name().equals(table) && t.foreignKeys().stream().anyMatch(fk -> fk.referencedTable().equals(table))
                    && target.table(t.name()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    static boolean mentions(String sql, String identifier) {
        return sql.toLowerCase(Locale.ROOT).matches("(?s).*(?<![a-z0-9_$])" + java.util.regex.Pattern.quote(identifier) + "(?![a-z0-9_$]).*");
    }
}
