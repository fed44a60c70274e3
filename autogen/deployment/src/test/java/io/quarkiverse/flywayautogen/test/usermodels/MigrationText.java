package io.quarkiverse.flywayautogen.test.usermodels;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A written migration, read as a reviewer reads it: the statement creating a table, the definition of one of its
 * columns, the foreign keys. Case is ignored (SQLite's renderer spells types in capitals, PostgreSQL's in lower case,
 * and PostgreSQL folds Quarkus' default table names to lower case).
 */
record MigrationText(String sql) {

    boolean createsTable(String table) {
        return createTable(table) != null;
    }

    /**
     * What follows the quoted column name on its line in {@code CREATE TABLE "<table>"}, lower case, without the
     * trailing comma: {@code varchar(255) not null}; null when the statement or the column is missing.
     */
    String column(String table, String column) {
        String create = createTable(table);
        if (create == null) {
            return null;
        }
        Matcher line = Pattern.compile("(?im)^\\s*\"" + Pattern.quote(column) + "\"\\s+(.*?),?\\s*$").matcher(create);
        return line.find() ? line.group(1).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : null;
    }

    /** A foreign key from {@code table.column} to {@code target}, inline (SQLite) or added after (PostgreSQL). */
    boolean hasForeignKey(String table, String column, String target) {
        String references = "FOREIGN KEY \\(\"" + Pattern.quote(column) + "\"\\) REFERENCES \"" + Pattern.quote(target) + "\"";
        String create = createTable(table);
        boolean inline = create != null && Pattern.compile("(?i)" + references).matcher(create).find();
        boolean added = Pattern.compile("(?is)ALTER TABLE \"" + Pattern.quote(table) + "\"[^;]*" + references)
                .matcher(sql).find();
        return inline || added;
    }

    /** {@code CREATE TABLE "<table>" ( ... );} up to the end of the statement, or null. */
    private String createTable(String table) {
        Matcher create = Pattern.compile("(?is)CREATE TABLE \"" + Pattern.quote(table) + "\"\\s*\\(.*?\\n\\);").matcher(sql);
        return create.find() ? create.group() : null;
    }

    @Override
    public String toString() {
        return sql;
    }
}
