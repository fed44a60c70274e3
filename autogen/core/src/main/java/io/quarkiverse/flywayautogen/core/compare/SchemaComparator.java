package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.model.SequenceTables;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.ops.SchemaChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the current schema with the desired one. Order of the result: table renames, new or changed enum types,
 * new tables (parents first), new or changed sequences, changes inside existing tables (by table name, see
 * {@link TableComparator}), dropped tables (children first), dropped sequences, dropped enum types. Renames happen only when declared; an undeclared look-alike drop+add is reported as a warning.
 */
public final class SchemaComparator {

    public Diff compare(Schema current, Schema desired, RenameHints hints) {
        List<Operation> ops = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        Schema s = current;

        for (Map.Entry<String, String> rename : hints.tables().entrySet()) {
            String from = rename.getKey();
            String to = rename.getValue();
            if (s.table(from).isPresent() && s.table(to).isEmpty() && desired.table(to).isPresent()) {
                RenameTable op = new RenameTable(from, to);
                ops.add(op);
                s = SchemaChanges.apply(s, op);
                // the entity's own sequence table (Hibernate's <table>_SEQ) follows it, keeping its next value
                String fromSeq = SequenceTables.of(from);
                String toSeq = SequenceTables.of(to);
                if (s.table(fromSeq).isPresent() && s.table(toSeq).isEmpty() && desired.table(toSeq).isPresent()
                        && desired.table(fromSeq).isEmpty()) {
                    RenameTable seq = new RenameTable(fromSeq, toSeq);
                    ops.add(seq);
                    s = SchemaChanges.apply(s, seq);
                }
            } else if (s.table(from).isPresent() || s.table(to).isEmpty()) {
                warnings.add(new Warning(Warning.Kind.RENAME_HINT_IGNORED, "rename hint " + from + " -> " + to + " ignored: table " + from + " is "
                        + (s.table(from).isPresent() ? "still declared or " + to + " already exists" : "not in the current schema")));
            }
        }

        // Names that differ only in case are one name to the database but not to Hibernate's validation, which
        // looks them up as the mapping spells them: such a table is renamed, never dropped and created.
        Set<String> currentExact = names(s);
        Set<String> desiredExact = names(desired);
        Map<String, String> currentByLowerCase = new HashMap<>();
        s.tables().forEach(t -> currentByLowerCase.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t.name()));
        for (Table want : desired.tables()) {
            String sameIgnoringCase = currentByLowerCase.get(want.name().toLowerCase(Locale.ROOT));
            if (!currentExact.contains(want.name()) && sameIgnoringCase != null && !desiredExact.contains(sameIgnoringCase)) {
                RenameTable op = new RenameTable(sameIgnoringCase, want.name());
                ops.add(op);
                s = SchemaChanges.apply(s, op);
            }
        }
        Set<String> renamedTables = ops.stream().filter(o -> o instanceof RenameTable).map(o -> ((RenameTable) o).to())
                .collect(Collectors.toSet());

        Set<String> currentNames = names(s);
        Set<String> desiredNames = names(desired);
        List<Table> created = desired.tables().stream().filter(t -> !currentNames.contains(t.name())).toList();
        List<Table> dropped = s.tables().stream().filter(t -> !desiredNames.contains(t.name())).toList();
        warnings.addAll(possibleTableRenames(dropped, created));

        List<String> common = desired.tables().stream().map(Table::name).filter(currentNames::contains).sorted().toList();
        Map<String, Table> desiredTables = byName(desired);
        Map<String, Table> currentTables = byName(s);
        for (String table : common) {
            Table want = desiredTables.get(table);
            for (Map.Entry<String, String> rename : hints.columnsOf(table).entrySet()) {
                Table cur = currentTables.get(table);
                if (cur.column(rename.getKey()).isPresent() && cur.column(rename.getValue()).isEmpty()
                        && want.column(rename.getValue()).isPresent()) {
                    RenameColumn op = new RenameColumn(table, rename.getKey(), rename.getValue());
                    ops.add(op);
                    s = SchemaChanges.apply(s, op);
                    currentTables = byName(s);
                }
            }
            for (Column column : want.columns()) {
                Table cur = currentTables.get(table);
                if (cur.column(column.name()).isEmpty()) {
                    Optional<Column> sameIgnoringCase = cur.columns().stream().filter(c -> c.name().equalsIgnoreCase(column.name())
                            && want.column(c.name()).isEmpty()).findFirst();
                    if (sameIgnoringCase.isPresent()) {
                        RenameColumn op = new RenameColumn(table, sameIgnoringCase.get().name(), column.name());
                        ops.add(op);
                        s = SchemaChanges.apply(s, op);
                        currentTables = byName(s);
                    }
                }
            }
        }

        ops.addAll(EnumTypeComparator.createdOrAltered(s, desired));
        TableOrder.parentsFirst(created).forEach(t -> ops.add(new CreateTable(t)));
        ops.addAll(SequenceComparator.createdOrAltered(s, desired));
        TableComparator tableComparator = new TableComparator();
        for (String table : common) {
            Table cur = currentTables.get(table);
            Table want = desiredTables.get(table);
            ops.addAll(tableComparator.compare(cur, want, renamedTables.contains(table)));
            warnings.addAll(tableComparator.possibleColumnRenames(cur, want));
        }
        List<Table> droppedChildrenFirst = new ArrayList<>(TableOrder.parentsFirst(dropped));
        java.util.Collections.reverse(droppedChildrenFirst);
        droppedChildrenFirst.forEach(t -> ops.add(new DropTable(t)));
        ops.addAll(SequenceComparator.dropped(s, desired));
        ops.addAll(EnumTypeComparator.dropped(s, desired));
        return new Diff(ops, warnings);
    }

    private static List<Warning> possibleTableRenames(List<Table> dropped, List<Table> created) {
        List<Warning> warnings = new ArrayList<>();
        for (Table d : dropped) {
            for (Table c : created) {
                if (columnNames(d).equals(columnNames(c))) {
                    warnings.add(Warning.possibleRename("POSSIBLE RENAME: table " + d.name() + " is dropped and " + c.name()
                            + " created with the same columns; if it is a rename, declare @RenamedFrom(\"" + d.name()
                            + "\") on the entity", d.name() + "=" + c.name()));
                }
            }
        }
        return warnings;
    }

    private static Set<String> columnNames(Table t) {
        return t.columns().stream().map(c -> c.name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Table> byName(Schema schema) {
        Map<String, Table> tables = new HashMap<>();
        schema.tables().forEach(t -> tables.put(t.name(), t));
        return tables;
    }

    private static Set<String> names(Schema schema) {
        return schema.tables().stream().map(Table::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
