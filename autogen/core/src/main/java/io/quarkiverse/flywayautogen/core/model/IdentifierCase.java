package io.quarkiverse.flywayautogen.core.model;

import java.util.Locale;

/**
 * What a database does with an identifier Hibernate writes without quotes. SQLite keeps it as written (and matches
 * it ignoring case); PostgreSQL folds it to lower case, and Hibernate's validation looks it up folded, so the
 * desired schema must carry the folded name for the engine's quoted DDL to create what Hibernate expects.
 */
public enum IdentifierCase {
    PRESERVE,
    LOWER;

    /** The name as the database stores an unquoted identifier. */
    public String unquoted(String name) {
        return this == LOWER ? name.toLowerCase(Locale.ROOT) : name;
    }
}
