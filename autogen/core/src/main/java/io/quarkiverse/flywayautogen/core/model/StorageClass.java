package io.quarkiverse.flywayautogen.core.model;

/**
 * The kind of value a column holds, for the self-check's sample rows: SQLite's storage classes (type affinities,
 * datatype3.html), which name the families every database has. {@code NUMERIC} covers exact numbers and the dates
 * and times a database stores as numbers or text it parses.
 */
public enum StorageClass {
    INTEGER, REAL, NUMERIC, TEXT, BLOB
}
