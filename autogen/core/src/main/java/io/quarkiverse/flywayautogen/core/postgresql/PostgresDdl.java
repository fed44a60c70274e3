package io.quarkiverse.flywayautogen.core.postgresql;

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

/** PostgreSQL DDL text for model objects. Identifiers are always double-quoted, so they are stored as the model spells them. */
final class PostgresDdl {

    private PostgresDdl() {
    }

    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String cols(List<String> columns) {
        return columns.stream().map(PostgresDdl::q).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Columns, key, uniques and checks; foreign keys are added afterwards, when every table they name exists. */
    static String createTable(Table t) {
        List<String> lines = new ArrayList<>();
        t.columns().forEach(c -> lines.add(columnDefinition(c)));
        if (t.primaryKey().isPresent()) {
            lines.add(primaryKey(t.primaryKey()));
        }
        t.uniques().forEach(u -> lines.add(unique(u)));
        t.checks().forEach(c -> lines.add(check(c)));
        return "CREATE TABLE " + q(t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    /** The declared text renders an identity key's clause too (see {@link PostgresTypes#identity}). */
    static String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(q(c.name())).append(' ').append(c.type().declared());
        if (c.hasDefault()) {
            sb.append(" DEFAULT ").append(defaultClause(c));
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    /** Hibernate's {@code @Comment}, or none when the column's comment is null. */
    static String commentOn(String table, Column c) {
        return "COMMENT ON COLUMN " + q(table) + "." + q(c.name()) + " IS "
                + (c.comment() == null ? "NULL" : "'" + c.comment().replace("'", "''") + "'");
    }

    /** The model spells boolean defaults 1/0 (as SQLite stores them); PostgreSQL's boolean takes no integer. */
    static String defaultClause(Column c) {
        if (c.type().base().equals("boolean") && (c.defaultValue().equals("1") || c.defaultValue().equals("0"))) {
            return c.defaultValue().equals("1") ? "true" : "false";
        }
        return c.defaultValue();
    }

    static String primaryKey(PrimaryKey pk) {
        return constraint(pk.name()) + "PRIMARY KEY " + cols(pk.columns());
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
