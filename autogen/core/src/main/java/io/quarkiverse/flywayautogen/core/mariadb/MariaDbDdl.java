package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB DDL text for model objects. Identifiers are always back-quoted (MariaDB's quote in every SQL mode), so
 * they are stored as the model spells them. A primary key has no name of its own in MariaDB ({@code PRIMARY}).
 */
final class MariaDbDdl {

    private MariaDbDdl() {
    }

    static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    static String cols(List<String> columns) {
        return columns.stream().map(MariaDbDdl::q).collect(Collectors.joining(", ", "(", ")"));
    }

    static String alter(String table, String action) {
        return "ALTER TABLE " + q(table) + " " + action;
    }

    /** Columns, key, uniques, checks and indexes; foreign keys are added once every table they name exists. */
    static String createTable(Table t) {
        List<String> lines = new ArrayList<>();
        t.columns().forEach(c -> lines.add(columnDefinition(c)));
        if (t.primaryKey().isPresent()) {
            lines.add(primaryKey(t.primaryKey()));
        }
        t.uniques().forEach(u -> lines.add(unique(u)));
        t.indexes().forEach(i -> lines.add((i.unique() ? "UNIQUE " : "") + "INDEX " + q(i.name()) + " " + cols(i.columns())));
        t.checks().forEach(c -> lines.add(check(c)));
        return "CREATE TABLE " + q(t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n) ENGINE=InnoDB";
    }

    /** The declared text renders an identity key's {@code auto_increment} too (see {@link MariaDbTypes#identity}). */
    static String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(q(c.name())).append(' ').append(MariaDbTypes.typeText(c.type()));
        if (c.hasDefault()) {
            sb.append(" DEFAULT ").append(defaultClause(c));
        }
        sb.append(c.nullable() ? " NULL" : " NOT NULL");
        if (c.type().generated()) {
            sb.append(MariaDbTypes.IDENTITY_CLAUSE);
        }
        return sb.toString();
    }

    /** A default MariaDB takes in a column definition: an expression needs parentheses, a literal or keyword not. */
    static String defaultClause(Column c) {
        String value = c.defaultValue();
        boolean literal = value.startsWith("'") || value.matches("-?\\d+(\\.\\d+)?") || value.equalsIgnoreCase("CURRENT_TIMESTAMP")
                || value.equalsIgnoreCase("NULL");
        return literal ? value : "(" + value + ")";
    }

    static String primaryKey(PrimaryKey pk) {
        return "PRIMARY KEY " + cols(pk.columns());
    }

    static String unique(UniqueConstraint u) {
        return constraint(u.name()) + "UNIQUE " + cols(u.columns());
    }

    static String check(CheckConstraint c) {
        return constraint(c.name()) + "CHECK (" + c.expression() + ")";
    }

    static String foreignKey(ForeignKey fk) {
        return constraint(fk.name()) + "FOREIGN KEY " + cols(fk.columns()) + " REFERENCES " + q(fk.referencedTable())
                + " " + cols(fk.referencedColumns())
                + (fk.onDelete().equals(ForeignKey.NO_ACTION) ? "" : " ON DELETE " + fk.onDelete());
    }

    static String createIndex(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name()) + " ON " + q(table) + " " + cols(index.columns());
    }

    private static String constraint(String name) {
        return name == null ? "" : "CONSTRAINT " + q(name) + " ";
    }
}
