package io.quarkiverse.flywayautogen.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A whole database schema as the engine compares it. Tables are sorted by name so that two readers of the same
 * schema produce equal values. Views and triggers are carried as opaque SQL: Hibernate does not declare them, so
 * they are never compared, only recreated when a table rebuild has to drop them. {@code autoincrementTables} names
 * the tables whose key uses SQLite's AUTOINCREMENT: not declared by entities either, but a rebuild must keep it.
 * {@code sequences} and {@code enumTypes} are those of databases that have them (never SQLite's).
 */
public record Schema(List<Table> tables, List<SqlObject> views, List<SqlObject> triggers, List<String> autoincrementTables,
                     List<Sequence> sequences, List<EnumType> enumTypes) {

    public Schema {
        sequences = sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
        enumTypes = enumTypes.stream().sorted(Comparator.comparing(EnumType::name)).toList();
        tables = TablesByName.of(tables);
        views = views.stream().sorted(Comparator.comparing(SqlObject::name)).toList();
        triggers = triggers.stream().sorted(Comparator.comparing(SqlObject::name)).toList();
        autoincrementTables = autoincrementTables.stream().sorted().toList();
    }

    public Schema(List<Table> tables, List<SqlObject> views, List<SqlObject> triggers, List<String> autoincrementTables) {
        this(tables, views, triggers, autoincrementTables, List.of(), List.of());
    }

    public static Schema of(List<Table> tables) {
        return new Schema(tables, List.of(), List.of(), List.of());
    }

    public Optional<Sequence> sequence(String name) {
        return sequences.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public Schema withSequences(List<Sequence> list) {
        return new Schema(tables, views, triggers, autoincrementTables, list, enumTypes);
    }

    public Optional<EnumType> enumType(String name) {
        return enumTypes.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Schema withEnumTypes(List<EnumType> list) {
        return new Schema(tables, views, triggers, autoincrementTables, sequences, list);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(((TablesByName) tables).byName(name));
    }

    public Table requireTable(String name) {
        return table(name).orElseThrow(() -> new IllegalArgumentException("no table '" + name + "' in schema"));
    }

    public Schema withAutoincrementTables(List<String> names) {
        return new Schema(tables, views, triggers, names, sequences, enumTypes);
    }

    public Schema withTables(List<Table> newTables) {
        return new Schema(newTables, views, triggers, autoincrementTables, sequences, enumTypes);
    }
}
