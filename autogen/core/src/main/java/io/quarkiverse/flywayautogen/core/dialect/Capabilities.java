package io.quarkiverse.flywayautogen.core.dialect;

/**
 * What a database can do, declared by its dialect, so that code outside the dialect's package asks about a
 * capability and never about a name.
 *
 * @param transactionalDdl    DDL runs inside a transaction and is rolled back with it (PostgreSQL), rather than
 *                            committing itself or needing the script to open its own (SQLite's rebuilds)
 * @param sequences           real sequences ({@code CREATE SEQUENCE}); without them Hibernate emulates each with a
 *                            {@code <name>_SEQ} table ({@link io.quarkiverse.flywayautogen.core.model.SequenceTables})
 * @param enumTypes           named enum types ({@code CREATE TYPE ... AS ENUM})
 * @param rebuilds            changes ALTER TABLE cannot make are planned as table rebuilds (new table, copy, swap)
 * @param hibernateDialectSet the self-check's Hibernate must be told the dialect: it does not recognise the database
 *                            from a connection (SQLite's community dialect); when it does, naming it only earns a
 *                            warning (HHH90000025)
 */
public record Capabilities(boolean transactionalDdl, boolean sequences, boolean enumTypes, boolean rebuilds,
                           boolean hibernateDialectSet) {
}
