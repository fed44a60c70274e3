package io.quarkiverse.flywayautogen.deployment.devmode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.deployment.AutogenSettings;
import io.quarkiverse.flywayautogen.deployment.devui.TableChanges;

/**
 * What the entities need that the migrations do not build yet, as the Dev UI and the log show it.
 *
 * @param operations        one line per operation, destructive ones marked
 * @param warnings          possible renames and other engine warnings
 * @param sql               the script that would be written (empty when in sync)
 * @param fileName          its file name
 * @param destructive       at least one operation drops or narrows something
 * @param possibleRename    a drop plus an add that may be a rename
 * @param tables            the operations per table, for the Dev UI card ({@link TableChanges})
 * @param suggestedRename   the possible renames in the syntax the Dev UI's rename field takes, or empty
 */
record PendingChange(List<String> operations, List<String> warnings, String sql, String fileName,
                     boolean destructive, boolean possibleRename, List<Map<String, Object>> tables,
                     String suggestedRename) {

    static final PendingChange NONE = new PendingChange(List.of(), List.of(), "", "", false, false, List.of(), "");

    static PendingChange of(AutogenResult result) {
        List<String> ops = result.describedWithVerdicts();
        boolean destructive = result.operations().stream().anyMatch(Operation::destructive);
        boolean rename = result.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.POSSIBLE_RENAME);
        String sql = result.script().map(Script::content).orElse("");
        String fileName = result.script().map(Script::fileName).orElse("");
        List<String> warnings = result.warnings().stream().map(w -> w.advice(AutogenSettings.REMEDIES)).toList();
        return new PendingChange(ops, warnings, sql, fileName, destructive, rename,
                TableChanges.of(result.operations(), result.warnings(), result.verdicts()), TableChanges.suggestedRename(result.warnings()));
    }

    boolean inSync() {
        return operations.isEmpty();
    }

    /** Why it is not written automatically, or empty when it may be. */
    Optional<ConfirmationReason> confirmationNeeded(boolean allowDestructive) {
        if (possibleRename) {
            return Optional.of(ConfirmationReason.POSSIBLE_RENAME);
        }
        if (destructive && !allowDestructive) {
            return Optional.of(ConfirmationReason.DESTRUCTIVE);
        }
        return Optional.empty();
    }

    String summary() {
        return String.join("; ", operations);
    }
}
