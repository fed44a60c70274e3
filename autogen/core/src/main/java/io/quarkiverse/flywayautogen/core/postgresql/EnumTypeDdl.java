package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.EnumType;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.quarkiverse.flywayautogen.core.postgresql.PostgresDdl.q;

/**
 * DDL for named enum types as Hibernate declares them: the type, then the two implicit casts to and from varchar
 * that its PostgreSQL dialect creates with it (so a varchar parameter compares with the column). Values are added in
 * place ({@code ALTER TYPE ... ADD VALUE}: since PostgreSQL 12 allowed in the migration's transaction, though a new
 * value is usable only after it commits); anything else rebuilds the type and converts its columns through text.
 */
final class EnumTypeDdl {

    /** The suffix of the old type while a rebuild converts its columns. */
    static final String OLD_SUFFIX = "_autogen_old";

    private EnumTypeDdl() {
    }

    static List<String> create(EnumType type) {
        return List.of("CREATE TYPE " + q(type.name()) + " AS ENUM (" + type.valueList() + ")",
                "CREATE CAST (varchar AS " + q(type.name()) + ") WITH INOUT AS IMPLICIT",
                "CREATE CAST (" + q(type.name()) + " AS varchar) WITH INOUT AS IMPLICIT");
    }

    /** Without CASCADE, which would drop the columns of the type too: the casts go first, by name. */
    static List<String> drop(String name) {
        return List.of("DROP CAST IF EXISTS (varchar AS " + q(name) + ")",
                "DROP CAST IF EXISTS (" + q(name) + " AS varchar)",
                "DROP TYPE " + q(name));
    }

    /** Each new value before the first old value that follows it, or at the end when none does. */
    static List<String> addValues(EnumType from, EnumType to) {
        List<String> out = new ArrayList<>();
        List<String> values = to.values();
        for (int i = 0; i < values.size(); i++) {
            if (from.values().contains(values.get(i))) {
                continue;
            }
            String next = values.subList(i + 1, values.size()).stream().filter(from.values()::contains).findFirst().orElse(null);
            out.add("ALTER TYPE " + q(to.name()) + " ADD VALUE " + literal(values.get(i))
                    + (next == null ? "" : " BEFORE " + literal(next)));
        }
        return out;
    }

    /**
     * The old type renamed aside, the new one created, every column of it converted through its text (failing the
     * whole script on a row that holds a removed value), its default set again, and the old type dropped.
     */
    static List<String> recreate(EnumType to, Map<String, List<Column>> columnsByTable) {
        String old = to.name() + OLD_SUFFIX;
        List<String> out = new ArrayList<>();
        out.add("ALTER TYPE " + q(to.name()) + " RENAME TO " + q(old));
        out.addAll(create(to));
        columnsByTable.forEach((table, columns) -> {
            for (Column c : columns) {
                String alter = "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(c.name());
                if (c.hasDefault()) {
                    out.add(alter + " DROP DEFAULT");
                }
                out.add(alter + " TYPE " + q(to.name()) + " USING " + q(c.name()) + "::text::" + q(to.name()));
                if (c.hasDefault()) {
                    out.add(alter + " SET DEFAULT " + PostgresDdl.defaultClause(c));
                }
            }
        });
        out.addAll(drop(old));
        return out;
    }

    /** The columns whose type is the named enum type, by table. */
    static Map<String, List<Column>> columnsOfType(Schema schema, String typeName) {
        Map<String, List<Column>> columns = new java.util.LinkedHashMap<>();
        for (Table t : schema.tables()) {
            List<Column> ofType = t.columns().stream().filter(c -> c.type().canonical().equals(typeName)).toList();
            if (!ofType.isEmpty()) {
                columns.put(t.name(), ofType);
            }
        }
        return columns;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
