package dev.flywayautogen.core.model;

/**
 * One column. {@code defaultValue} is a normalised SQL literal or expression (see {@link SqlText#normaliseDefault}),
 * or null when there is none.
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue) {

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue);
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
