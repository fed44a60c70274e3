package io.quarkiverse.flywayautogen.core.model;

/**
 * One column. {@code defaultValue} is a normalised SQL literal or expression (see {@link SqlText#normaliseDefault}),
 * or null when there is none. {@code comment} is Hibernate's {@code @Comment} where the database keeps comments
 * (PostgreSQL's {@code COMMENT ON COLUMN}), null otherwise and on SQLite, which has none.
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, String comment) {

    public Column(String name, ColumnType type, boolean nullable, String defaultValue) {
        this(name, type, nullable, defaultValue, null);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, comment);
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
