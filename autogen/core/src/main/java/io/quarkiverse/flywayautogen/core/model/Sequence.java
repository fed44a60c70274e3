package io.quarkiverse.flywayautogen.core.model;

/**
 * A database sequence Hibernate draws ids from ({@code create sequence pet_seq start with 1 increment by 50}).
 * Only on databases with sequences: on SQLite Hibernate emulates them with {@code <name>_SEQ} tables, which are
 * tables in the model. Sequences that back identity or serial columns belong to their column and are not listed.
 */
public record Sequence(String name, long start, long increment) {
}
