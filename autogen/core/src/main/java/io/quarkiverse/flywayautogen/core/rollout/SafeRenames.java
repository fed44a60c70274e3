package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Safe rollout refuses a rename: the previous release still reads and writes the old name while the new one runs, so
 * a rename breaks one of them whichever way it goes. The message spells out the expand/contract alternative, which
 * needs a decision the engine cannot take (how the two releases keep both names filled).
 */
public final class SafeRenames {

    private SafeRenames() {
    }

    public static void refuse(List<Operation> ops) {
        List<String> renames = new ArrayList<>();
        List<String> ways = new ArrayList<>();
        for (Operation op : ops) {
            if (op instanceof RenameColumn rename) {
                renames.add(op.describe());
                ways.add("map a new column " + rename.table() + "." + rename.to() + " next to " + rename.from()
                        + " (both in this release, the new code writing both), copy the rows with an UPDATE in the"
                        + " expand migration or a backfill, and stop mapping " + rename.from() + " in the next release:"
                        + " its drop is then deferred and written by the contract step");
            } else if (op instanceof RenameTable rename) {
                renames.add(op.describe());
                ways.add("create " + rename.to() + " next to " + rename.from() + ", copy the rows (INSERT ... SELECT, the"
                        + " new code writing both), and stop mapping " + rename.from()
                        + " in the next release: its drop is then deferred and written by the contract step");
            }
        }
        if (!renames.isEmpty()) {
            throw new AutogenException("safe rollout (rollout=safe) does not rename: the previous release still uses the"
                    + " old name while this one runs. Refused: " + String.join("; ", renames) + ". Expand/contract"
                    + " instead: " + String.join("; ", ways) + ". Or generate this one change with rollout=default"
                    + " during a deployment that stops every replica first.");
        }
    }
}
