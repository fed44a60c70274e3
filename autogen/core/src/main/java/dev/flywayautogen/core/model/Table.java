package dev.flywayautogen.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One table. Columns are kept sorted by name: SQLite appends added columns at the end while Hibernate orders
 * them its own way, and column order is not something an entity declares, so it must not show up as a diff.
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks) {

    public Table {
        columns = columns.stream().sorted(Comparator.comparing(Column::name)).toList();
        uniques = uniques.stream().sorted(Comparator.comparing(u -> String.join(",", u.columns()))).toList();
        indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
        foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::sortKey)).toList();
        checks = checks.stream().sorted(Comparator.comparing(CheckConstraint::expression)).toList();
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniques, indexes,
                foreignKeys.stream().map(fk -> fk.referencedTable().equals(name) ? fk.withReferencedTable(newName) : fk).toList(),
                checks);
    }

    public Table withColumns(UnaryOperator<List<Column>> change) {
        return new Table(name, change.apply(columns), primaryKey, uniques, indexes, foreignKeys, checks);
    }

    public Table withPrimaryKey(PrimaryKey pk) {
        return new Table(name, columns, pk, uniques, indexes, foreignKeys, checks);
    }

    public Table withUniques(List<UniqueConstraint> list) {
        return new Table(name, columns, primaryKey, list, indexes, foreignKeys, checks);
    }

    public Table withIndexes(List<Index> list) {
        return new Table(name, columns, primaryKey, uniques, list, foreignKeys, checks);
    }

    public Table withForeignKeys(List<ForeignKey> list) {
        return new Table(name, columns, primaryKey, uniques, indexes, list, checks);
    }

    public Table withChecks(List<CheckConstraint> list) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, list);
    }
}
