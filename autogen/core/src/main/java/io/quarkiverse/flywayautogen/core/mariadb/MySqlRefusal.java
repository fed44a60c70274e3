package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectProvider;

import java.util.Optional;

/**
 * {@code db-kind=mysql} and {@code jdbc:mysql:} URLs are recognised and refused, with the reason, rather than
 * reported as an unknown database: MySQL 8 shares MariaDB's SQL for most of what the engine writes, but differs
 * exactly where a wrong script would be worst, and no MySQL server could be tested here. What differs: MySQL has no
 * sequences (Hibernate emulates them with {@code _SEQ} tables there), no {@code uuid} type, {@code json} is a type of
 * its own (MariaDB's is {@code longtext} with a check), it has no {@code DROP INDEX IF EXISTS}, and Hibernate's
 * MySQLDialect declares some types differently. Its DDL is as non-transactional as MariaDB's.
 */
public final class MySqlRefusal implements DialectProvider {

    static final String MESSAGE = "db-kind mysql is not supported: the mariadb dialect is tested on MariaDB 10.11 only,"
            + " and MySQL 8 differs where it matters (no sequences, so Hibernate's _SEQ tables; json and uuid types;"
            + " DROP INDEX IF EXISTS); generate against MariaDB (db-kind=mariadb) or write this migration by hand";

    @Override
    public String name() {
        return "mysql";
    }

    /** Recognised to be refused: never listed among the databases the engine supports. */
    @Override
    public boolean supported() {
        return false;
    }

    @Override
    public boolean servesUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mysql:");
    }

    @Override
    public Dialect create(Optional<DevDatabase> devDatabase) {
        throw new AutogenException(MESSAGE);
    }
}
