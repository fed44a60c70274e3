package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.settings.AutogenDefaults;
import java.util.List;
import java.util.Locale;

/**
 * Names for constraints and indexes Hibernate leaves unnamed or names with a hash ({@code UKa1b2c3...}), in the
 * style of Alembic's naming conventions. Placeholders: {@code %(table)}, {@code %(cols)} (column names joined by
 * '_'), {@code %(reftable)}. Names given explicitly in annotations are kept as they are.
 */
public record NamingConvention(String index, String unique, String foreignKey, String check, String primaryKey) {

    public static final NamingConvention ALEMBIC_DEFAULT = new NamingConvention(AutogenDefaults.INDEX_NAME,
            AutogenDefaults.UNIQUE_NAME, AutogenDefaults.FOREIGN_KEY_NAME, AutogenDefaults.CHECK_NAME, AutogenDefaults.PRIMARY_KEY_NAME);

    public String indexName(String table, List<String> columns) {
        return expand(index, table, columns, "");
    }

    public String uniqueName(String table, List<String> columns) {
        return expand(unique, table, columns, "");
    }

    public String foreignKeyName(String table, List<String> columns, String referencedTable) {
        return expand(foreignKey, table, columns, referencedTable);
    }

    public String checkName(String table, List<String> columns) {
        return expand(check, table, columns, "");
    }

    public String primaryKeyName(String table, List<String> columns) {
        return expand(primaryKey, table, columns, "");
    }

    /** True for names Hibernate derives by hashing (UK..., FK..., IDX..., PK...), which are neither stable nor readable. */
    public static boolean isGeneratedName(String name) {
        return name == null || name.isBlank() || name.matches("(FK|UK|IDX|PK)[0-9a-z]{8,}");
    }

    private static String expand(String template, String table, List<String> columns, String referencedTable) {
        return template.replace("%(table)", table)
                .replace("%(cols)", String.join("_", columns))
                .replace("%(reftable)", referencedTable)
                .toLowerCase(Locale.ROOT);
    }
}
