package dev.flywayautogen.core.model;

/**
 * How one database spells the types Hibernate declares: the desired reader and the dialect's schema reader both go
 * through it, so a type written by the generator reads back equal.
 */
public interface TypeRules {

    /** The model type of a declared type text. */
    ColumnType type(String declared);

    /** The type an identity (database-generated) key column must have; Hibernate's declared type is a hint. */
    ColumnType identity(String declared);

    /**
     * What kind of value a column of this type holds, for sample rows: {@code INTEGER}, {@code REAL}, {@code NUMERIC},
     * {@code TEXT} or {@code BLOB} (SQLite's storage classes, which name the families every database has).
     */
    String storageClass(ColumnType type);
}
