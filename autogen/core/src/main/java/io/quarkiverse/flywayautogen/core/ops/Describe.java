package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.Column;

/** Shared wording for {@link Operation#describe()}. */
final class Describe {
    private Describe() {
    }

    static String column(Column c) {
        return c.type() + (c.nullable() ? " null" : " not null") + (c.hasDefault() ? " default " + c.defaultValue() : "")
                + (c.comment() == null ? "" : " comment '" + c.comment() + "'");
    }

    static String cols(java.util.List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }
}
