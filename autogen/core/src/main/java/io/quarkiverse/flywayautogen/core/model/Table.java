package io.quarkiverse.flywayautogen.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One table. Columns keep their order (the database's, or the mapping's for a new table): comparison is by name,
 * never by position, and a rebuild keeps existing columns in place and appends new ones. {@code initCommands} are
 * the rows Hibernate inserts when it creates the table itself (the initial value of an emulated sequence); they are
 * executed when the table is created and are not part of the comparison.
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                    List<String> initCommands) {

    public Table {
        columns = List.copyOf(columns);
        uniques = uniques.stream().sorted(Comparator.comparing(u -> String.join(",", u.columns()))).toList();
        indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
        foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::sortKey)).toList();
        checks = checks.stream().sorted(Comparator.comparing(CheckConstraint::expression)).toList();
        initCommands = List.copyOf(initCommands);
    }

    public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                 List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks) {
        this(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, List.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniques, indexes,
                foreignKeys.stream().map(fk -> fk.referencedTable().equals(name) ? fk.withReferencedTable(newName) : fk).toList(),
                checks, initCommands);
    }

    public Table withColumns(UnaryOperator<List<Column>> change) {
        return new Table(name, change.apply(columns), primaryKey, uniques, indexes, foreignKeys, checks, initCommands);
    }

    public Table withPrimaryKey(PrimaryKey pk) {
        return new Table(name, columns, pk, uniques, indexes, foreignKeys, checks, initCommands);
    }

    public Table withUniques(List<UniqueConstraint> list) {
        return new Table(name, columns, primaryKey, list, indexes, foreignKeys, checks, initCommands);
    }

    public Table withIndexes(List<Index> list) {
        return new Table(name, columns, primaryKey, uniques, list, foreignKeys, checks, initCommands);
    }

    public Table withForeignKeys(List<ForeignKey> list) {
        return new Table(name, columns, primaryKey, uniques, indexes, list, checks, initCommands);
    }

    public Table withChecks(List<CheckConstraint> list) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, list, initCommands);
    }
}
