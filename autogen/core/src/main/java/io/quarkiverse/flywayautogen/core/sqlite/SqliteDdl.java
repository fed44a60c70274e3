package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** SQLite DDL text for model objects. Identifiers are always double-quoted. */
final class SqliteDdl {

    private SqliteDdl() {
    }

    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String quoteLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String cols(List<String> columns) {
        return columns.stream().map(SqliteDdl::q).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * CREATE TABLE under {@code tableName}; {@code referenced} maps parent table names (a rebuild keeps them: with
     * foreign keys off a reference names a table that exists again once the rebuilt one is renamed into place).
     */
    static String createTable(Table t, String tableName, UnaryOperator<String> referenced) {
        return createTable(t, tableName, referenced, false);
    }

    /**
     * Columns in the table's order. With {@code autoincrement}, a single INTEGER key is declared inline as PRIMARY
     * KEY AUTOINCREMENT (kept on rebuilds); otherwise the key is a table constraint, which keeps an INTEGER key the
     * rowid alias all the same.
     */
    static String createTable(Table t, String tableName, UnaryOperator<String> referenced, boolean autoincrement) {
        List<String> lines = new ArrayList<>();
        boolean inlineKey = autoincrement && t.primaryKey().columns().size() == 1
                && t.column(t.primaryKey().columns().get(0)).map(c -> SqliteTypes.isRowidAliasType(c.type())).orElse(false);
        for (Column c : t.columns()) {
            boolean key = inlineKey && t.primaryKey().columns().contains(c.name());
            lines.add(columnDefinition(t, c) + (key ? " PRIMARY KEY AUTOINCREMENT" : ""));
        }
        if (t.primaryKey().isPresent() && !inlineKey) {
            lines.add(constraint(t.primaryKey().name()) + "PRIMARY KEY " + cols(t.primaryKey().columns()));
        }
        for (UniqueConstraint u : t.uniques()) {
            lines.add(constraint(u.name()) + "UNIQUE " + cols(u.columns()));
        }
        for (ForeignKey fk : t.foreignKeys()) {
            lines.add(constraint(fk.name()) + "FOREIGN KEY " + cols(fk.columns()) + " REFERENCES "
                    + q(referenced.apply(fk.referencedTable())) + " " + cols(fk.referencedColumns())
                    + (fk.onDelete().equals(ForeignKey.NO_ACTION) ? "" : " ON DELETE " + fk.onDelete()));
        }
        for (CheckConstraint c : t.checks()) {
            lines.add(constraint(c.name()) + "CHECK (" + c.expression() + ")");
        }
        return "CREATE TABLE " + q(tableName) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    static String columnDefinition(Table t, Column c) {
        return columnDefinition(c, declaredType(t, c));
    }

    static String columnDefinition(Column c, String declaredType) {
        StringBuilder sb = new StringBuilder(q(c.name())).append(' ').append(declaredType.toUpperCase(java.util.Locale.ROOT));
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        if (c.hasDefault()) {
            sb.append(" DEFAULT ").append(defaultClause(c.defaultValue()));
        }
        return sb.toString();
    }

    /** A single-column INTEGER key is declared exactly "INTEGER" so it stays a rowid alias (auto-assigned ids). */
    private static String declaredType(Table t, Column c) {
        boolean rowidAlias = t.primaryKey().columns().equals(List.of(c.name())) && SqliteTypes.isRowidAliasType(c.type());
        return rowidAlias ? "INTEGER" : c.type().declared().toUpperCase(java.util.Locale.ROOT);
    }

    static String defaultClause(String normalisedDefault) {
        return isConstant(normalisedDefault) || normalisedDefault.startsWith("CURRENT_")
                ? normalisedDefault : "(" + normalisedDefault + ")";
    }

    /** Literal number or string: what SQLite's ADD COLUMN accepts as a default. */
    static boolean isConstant(String normalisedDefault) {
        return normalisedDefault == null || normalisedDefault.startsWith("'")
                || normalisedDefault.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    }

    private static String constraint(String name) {
        return name == null ? "" : "CONSTRAINT " + q(name) + " ";
    }

    static String createIndex(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name()) + " ON " + q(table) + " " + cols(index.columns());
    }

    static String dropIndex(Index index) {
        return "DROP INDEX " + q(index.name());
    }
}
