package io.quarkiverse.flywayautogen.core.model;

import java.util.List;

/**
 * A named enum type ({@code create type mood as enum ('HAPPY', 'SLEEPY')}), which Hibernate declares on PostgreSQL
 * for an enum mapped with {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}. Values are in the type's sort order, which is
 * part of the type: {@code ORDER BY} and comparisons follow it. Columns of the type name it as their type.
 */
public record EnumType(String name, List<String> values) {

    public EnumType {
        values = List.copyOf(values);
    }

    /** The values as a SQL list, {@code 'HAPPY', 'SLEEPY'}. */
    public String valueList() {
        return String.join(", ", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
    }

    /** True when {@code to} keeps every value of this type in the same relative order, so values can be added in place. */
    public boolean onlyAddsTo(EnumType to) {
        int at = 0;
        for (String v : to.values()) {
            if (at < values.size() && values.get(at).equals(v)) {
                at++;
            }
        }
        return at == values.size();
    }
}
