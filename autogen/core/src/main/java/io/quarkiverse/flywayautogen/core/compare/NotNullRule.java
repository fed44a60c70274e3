package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.desired.ColumnOrigins;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * Existing rows need a value when a NOT NULL column is added. The declared default provides it; without one there is
 * no correct script to write, so generation stops and says exactly what to declare. Tightening an existing column to
 * NOT NULL without a default is written: the tool cannot see the data, and the script fails as a whole, naming the
 * column, where a row still holds a NULL ({@link #tighteningWarnings}).
 */
public final class NotNullRule {

    private NotNullRule() {
    }

    public static void check(List<Operation> operations, ColumnOrigins origins) {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations) {
            if (op instanceof AddColumn add && needsFill(add.column())) {
                problems.add("cannot add NOT NULL " + origins.describe(add.table(), add.column().name())
                        + " to existing rows without a default: declare @ColumnDefault(\"...\") on "
                        + fieldOf(origins, add.table(), add.column().name()) + " or make it nullable");
            }
        }
        if (!problems.isEmpty()) {
            throw new AutogenException(String.join("\n", problems));
        }
    }

    /** One warning per column the script makes NOT NULL with nothing to fill existing NULLs, for the header. */
    public static List<Warning> tighteningWarnings(List<Operation> operations) {
        List<Warning> warnings = new ArrayList<>();
        for (Operation op : operations) {
            if (op instanceof AlterColumn alter && alter.tightensToNotNull() && needsFill(alter.to())) {
                warnings.add(new Warning(Warning.Kind.FAILS_ON_EXISTING_NULLS, "makes " + alter.table() + "." + alter.to().name() + " NOT NULL without a default: the"
                        + " migration fails, and changes nothing, if a row still holds NULL in it (NOT NULL constraint"
                        + " failed); set those rows first or declare @ColumnDefault"));
            }
        }
        return warnings;
    }

    private static boolean needsFill(Column column) {
        return !column.nullable() && !column.hasDefault();
    }

    private static String fieldOf(ColumnOrigins origins, String table, String column) {
        String field = origins.fieldByColumn().get(table + "." + column);
        return field != null ? field : "the field mapped to " + table + "." + column;
    }
}
