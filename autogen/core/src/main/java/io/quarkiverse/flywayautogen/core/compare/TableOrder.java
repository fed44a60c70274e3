package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Orders tables so that a table comes after the tables it references (by name among equals; cycles broken by name). */
public final class TableOrder {

    private TableOrder() {
    }

    public static List<Table> parentsFirst(List<Table> tables) {
        Map<String, Table> byName = new TreeMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : byName.keySet()) {
            visit(name, byName, done, visiting);
        }
        List<Table> ordered = new ArrayList<>();
        done.forEach(n -> ordered.add(byName.get(n)));
        return ordered;
    }

    private static void visit(String name, Map<String, Table> byName, Set<String> done, Set<String> visiting) {
        if (done.contains(name) || !visiting.add(name)) {
            return;
        }
        for (ForeignKey fk : byName.get(name).foreignKeys()) {
            if (byName.containsKey(fk.referencedTable()) && !fk.referencedTable().equals(name)) {
                visit(fk.referencedTable(), byName, done, visiting);
            }
        }
        visiting.remove(name);
        done.add(name);
    }
}
