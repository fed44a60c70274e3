package io.quarkiverse.flywayautogen.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Hibernate's naming rule for an entity's own sequence: {@code <entity table>_SEQ}, a real sequence where the
 * database has them and an emulating table (one {@code next_val} row) where it has not. The rule in one place, for
 * the comparator (a renamed table takes its sequence table along), the change summary, the draft's data-loss check
 * and the planners. Matched case-insensitively: PostgreSQL folds the unquoted name to {@code _seq}.
 */
public final class SequenceTables {

    public static final String SUFFIX = "_SEQ";
    /** The one column of an emulating table. */
    public static final String VALUE_COLUMN = "next_val";

    private SequenceTables() {
    }

    /** The sequence (or emulating table) Hibernate names for an entity's table. */
    public static String of(String entityTable) {
        return entityTable + SUFFIX;
    }

    /** Whether the name has the rule's shape. */
    public static boolean isSequenceName(String name) {
        return name.toUpperCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /** The entity table a sequence of that shape belongs to, as named (not resolved against a schema); else empty. */
    public static Optional<String> entityTableOf(String name) {
        return isSequenceName(name) ? Optional.of(name.substring(0, name.length() - SUFFIX.length())) : Optional.empty();
    }

    /** An emulating table: the rule's name and the single {@code next_val} column. */
    public static boolean isEmulatingTable(Table table) {
        return isSequenceName(table.name()) && table.columns().size() == 1
                && table.columns().get(0).name().equalsIgnoreCase(VALUE_COLUMN);
    }
}
