package io.quarkiverse.flywayautogen.core.model;

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
     * What kind of value a column of this type holds, for sample rows.
     */
    StorageClass storageClass(ColumnType type);

    /**
     * For a type whose values the database parses from text (uuid, json, arrays, named enums), a sample value as that
     * text, bound untyped so the database converts it; empty for the families {@link #storageClass} covers.
     * {@code schema} names the enum types there are; {@code i} numbers the sample row from 1.
     */
    default java.util.Optional<String> sampleText(ColumnType type, Schema schema, int i) {
        return java.util.Optional.empty();
    }
}
