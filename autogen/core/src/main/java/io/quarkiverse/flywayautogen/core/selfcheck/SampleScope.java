package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.SqlObject;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.AlterEnumType;
import io.quarkiverse.flywayautogen.core.ops.AlterSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateEnumType;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.DropEnumType;
import io.quarkiverse.flywayautogen.core.ops.DropSequence;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tables the self-check fills with sample rows for one change (and on which it counts rows and runs the previous
 * release's workload): the tables the operations name, the tables that reference one of them and the ones they
 * reference (foreign keys before and after the script, both directions), and, so that every required reference of
 * those rows finds a parent row, everything they reference in turn. Empty ({@link #all()}) when every table is
 * sampled: a script checked without its operations, a change to a sequence or an enum type (any table's column may use it), or a trigger on a table of the
 * set (its body is opaque SQL that may write anywhere).
 * <p>
 * Why an empty table elsewhere proves as much as a filled one: sample rows exist for the failures that depend on
 * data, and a statement fails on data only in a table whose rows it reads. The script's statements read the tables
 * they name (an ALTER, an index or unique build, a CHECK or NOT NULL validation, a SQLite rebuild's copy, which
 * copies only the rebuilt table: its children keep their rows and are only checked); the foreign-key checks read
 * the rows of the tables that reference a changed one (a rebuilt parent's children, {@code pragma_foreign_key_check}
 * and PostgreSQL's cascaded type changes) and of the tables a new or changed foreign key points to. All of those are
 * in the set. A table outside it is neither read nor written by the script, so its rows cannot make the script fail
 * nor be lost by it; and what the script could do to its structure by mistake is still caught without rows: the
 * whole schema is read back and diffed, and foreign keys are checked over the whole database. What is given up is
 * only what a trigger could do to another table, hence the fallback above.
 */
record SampleScope(Optional<Set<String>> tables) {

    SampleScope {
        tables = tables.map(Set::copyOf);
    }

    static SampleScope all() {
        return new SampleScope(Optional.empty());
    }

    /** The scope of the change {@code operations} makes from {@code current} to {@code expected}. */
    static SampleScope of(Schema current, Schema expected, List<Operation> operations) {
        if (operations.isEmpty()) {
            return all(); // a script checked without its operations: nothing says which tables it touches
        }
        Set<String> touched = new HashSet<>();
        for (Operation op : operations) {
            if (op instanceof CreateSequence || op instanceof DropSequence || op instanceof AlterSequence
                    || op instanceof CreateEnumType || op instanceof DropEnumType || op instanceof AlterEnumType) {
                return all();
            }
            touched.add(op.table());
            if (op instanceof RenameTable rename) {
                touched.add(rename.to());
            }
        }
        List<Table> both = Stream.concat(current.tables().stream(), expected.tables().stream()).toList();
        Set<String> scope = new HashSet<>(touched);
        for (Table table : both) {
            for (ForeignKey fk : table.foreignKeys()) {
                if (touched.contains(fk.referencedTable())) {
                    scope.add(table.name()); // a child of a changed table
                }
                if (touched.contains(table.name())) {
                    scope.add(fk.referencedTable()); // a parent of a changed table
                }
            }
        }
        Set<String> triggered = new HashSet<>();
        Stream.concat(current.triggers().stream(), expected.triggers().stream()).map(SqlObject::table).forEach(triggered::add);
        if (scope.stream().anyMatch(triggered::contains)) {
            return all();
        }
        Deque<String> pending = new ArrayDeque<>(scope);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            both.stream().filter(t -> t.name().equals(name)).flatMap(t -> t.foreignKeys().stream())
                    .map(ForeignKey::referencedTable).filter(scope::add).forEach(pending::push);
        }
        return new SampleScope(Optional.of(scope));
    }

    boolean includes(String table) {
        return tables.map(set -> set.contains(table)).orElse(true);
    }

    /** {@code schema} with only the tables of the scope (its other objects as they are). */
    Schema restrict(Schema schema) {
        return tables.isEmpty() ? schema : schema.withTables(schema.tables().stream().filter(t -> includes(t.name())).toList());
    }
}
