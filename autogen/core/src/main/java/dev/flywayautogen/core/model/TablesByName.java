package dev.flywayautogen.core.model;

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

    private final List<Table> tables;
    private final Map<String, Table> byName;

    private TablesByName(List<Table> sorted) {
        this.tables = sorted;
        this.byName = new HashMap<>(sorted.size() * 2);
        sorted.forEach(t -> byName.putIfAbsent(t.name(), t));
    }

    static TablesByName of(List<Table> tables) {
        return tables instanceof TablesByName indexed ? indexed
                : new TablesByName(tables.stream().sorted(Comparator.comparing(Table::name)).toList());
    }

    Table byName(String name) {
        return byName.get(name);
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
