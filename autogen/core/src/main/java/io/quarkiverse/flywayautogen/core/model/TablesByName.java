package io.quarkiverse.flywayautogen.core.model;

import java.util.AbstractList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A schema's tables, sorted by name and looked up by name in constant time: the comparator and the planners ask for
 * tables by name for every operation, and a linear search made a 1,000-table diff quadratic. Equal to any list
 * with the same tables in the same order, so {@link Schema}'s equality is unchanged.
 */
final class TablesByName extends AbstractList<Table> implements RandomAccess {

    private static final Comparator<Table> BY_NAME = Comparator.comparing(Table::name);

    private final List<Table> tables;
    /** Built on the first look-up: planners derive many intermediate schemas and look into few of them. */
    private Map<String, Table> byName;

    private TablesByName(List<Table> sorted) {
        this.tables = sorted;
    }

    static TablesByName of(List<Table> tables) {
        if (tables instanceof TablesByName indexed) {
            return indexed;
        }
        return new TablesByName(isSorted(tables) ? List.copyOf(tables) : tables.stream().sorted(BY_NAME).toList());
    }

    Table byName(String name) {
        Map<String, Table> index = byName;
        if (index == null) {
            index = new HashMap<>(tables.size() * 2);
            for (Table t : tables) {
                index.putIfAbsent(t.name(), t);
            }
            byName = index;
        }
        return index.get(name);
    }

    /** Operations replace or append one table at a time, so the list is usually still in order. */
    private static boolean isSorted(List<Table> tables) {
        for (int i = 1; i < tables.size(); i++) {
            if (BY_NAME.compare(tables.get(i - 1), tables.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Table get(int index) {
        return tables.get(index);
    }

    @Override
    public int size() {
        return tables.size();
    }
}
