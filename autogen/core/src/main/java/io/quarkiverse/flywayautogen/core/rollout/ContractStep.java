package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.List;
import java.util.Optional;

/** What the expand and contract migrations of a deferred drop hold besides the drop itself. */
public final class ContractStep {

    private ContractStep() {
    }

    /**
     * What the new release needs of a column whose drop is deferred: it no longer writes the column, so a NOT NULL
     * without a default would fail its inserts; the expand migration makes it nullable (the previous release, which
     * still writes it, does not notice).
     */
    public static Optional<Operation> relaxedForNewRelease(Operation drop) {
        if (drop instanceof DropColumn d && !d.column().nullable() && !d.column().hasDefault()) {
            Column c = d.column();
            return Optional.of(new AlterColumn(d.table(), c, new Column(c.name(), c.type(), true, c.defaultValue(), c.comment())));
        }
        return Optional.empty();
    }

    /**
     * The header line that says what the contract drops and, since the drops are meant, acknowledges their lint
     * rules (one {@code flyway-autogen:allow} line each) so that the check does not fail the migration for them.
     */
    public static Warning acknowledgement(DeferredDrops deferred, List<Operation> drops) {
        String by = deferred.items().stream().filter(item -> drops.stream().anyMatch(item::isDroppedBy))
                .map(DeferredDrop::deferredBy).distinct().collect(java.util.stream.Collectors.joining(", "));
        String reason = "contract step: drops what " + by + " deferred; no replica runs a release that maps it";
        StringBuilder text = new StringBuilder("contract step: drops what " + by + " deferred (" + DeferredDrops.FILE_NAME
                + "); apply it only once no replica runs a release that still maps it");
        if (drops.stream().anyMatch(op -> op instanceof DropTable)) {
            text.append("\nflyway-autogen:allow drop-mapped-table \"").append(reason).append('"');
        }
        if (drops.stream().anyMatch(op -> op instanceof DropColumn)) {
            text.append("\nflyway-autogen:allow drop-mapped-column \"").append(reason).append('"');
        }
        return new Warning(Warning.Kind.DROP_DEFERRED, text.toString());
    }
}
