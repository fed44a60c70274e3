package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table or column the entities no longer map, left in place by a safe-rollout migration because the previous
 * release still uses it; the contract migration drops it later. One line of {@link DeferredDrops#FILE_NAME}:
 * {@code column pets.nickname | V5 | the entities no longer map it}.
 *
 * @param column     null for a table
 * @param deferredBy the version of the migration that deferred it, e.g. {@code V5}
 * @param reason     why it was kept, for the reviewer
 */
public record DeferredDrop(Kind kind, String table, String column, String deferredBy, String reason) {

    public enum Kind { TABLE, COLUMN }

    private static final Pattern LINE = Pattern.compile("(table|column)\\s+([^\\s|]+)\\s*\\|\\s*([^|]*?)\\s*\\|\\s*(.*)");

    public static DeferredDrop table(String table, String deferredBy, String reason) {
        return new DeferredDrop(Kind.TABLE, table, null, deferredBy, reason);
    }

    public static DeferredDrop column(String table, String column, String deferredBy, String reason) {
        return new DeferredDrop(Kind.COLUMN, table, column, deferredBy, reason);
    }

    /** The drop the engine would generate for this item, if it is one: a deferred item is an expected difference. */
    public static Optional<DeferredDrop> of(Operation op, String deferredBy, String reason) {
        if (op instanceof DropTable drop) {
            return Optional.of(table(drop.table(), deferredBy, reason));
        }
        if (op instanceof DropColumn drop) {
            return Optional.of(column(drop.table(), drop.column().name(), deferredBy, reason));
        }
        return Optional.empty();
    }

    static DeferredDrop parse(String line, String where) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new AutogenException(where + ": expected 'table <name> | <version> | <reason>' or 'column"
                    + " <table>.<column> | <version> | <reason>', got '" + line.strip() + "'");
        }
        String target = m.group(2);
        if (m.group(1).equals("table")) {
            return table(target, m.group(3), m.group(4));
        }
        int dot = target.lastIndexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            throw new AutogenException(where + ": a column is named <table>.<column>, got '" + target + "'");
        }
        return column(target.substring(0, dot), target.substring(dot + 1), m.group(3), m.group(4));
    }

    /** {@code pets.nickname} or {@code pets}. */
    public String target() {
        return kind == Kind.TABLE ? table : table + "." + column;
    }

    /** {@code column pets.nickname}. */
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + target();
    }

    String line() {
        return describe() + " | " + deferredBy + " | " + reason;
    }

    /** Whether {@code op} is this item's drop. */
    public boolean isDroppedBy(Operation op) {
        return of(op, deferredBy, reason).map(d -> d.kind == kind && d.target().equalsIgnoreCase(target())).orElse(false);
    }

    /** Whether the schema still holds the item: when not, the file is stale. */
    public boolean existsIn(Schema schema) {
        return schema.tables().stream().filter(t -> t.name().equalsIgnoreCase(table)).findFirst()
                .map(t -> kind == Kind.TABLE || t.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column)))
                .orElse(false);
    }
}
