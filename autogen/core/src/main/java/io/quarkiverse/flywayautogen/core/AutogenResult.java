package io.quarkiverse.flywayautogen.core;

import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.core.rollout.OperationVerdict;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run found and did.
 *
 * @param operations   the operations in the script (for {@code check}: every pending operation)
 * @param skipped      destructive operations left out because they were not allowed
 * @param warnings     possible renames, skipped operations, ignored hints
 * @param script       the forward script, empty when there is nothing to do
 * @param undoScript   the undo script when asked for
 * @param written      files written into the migrations folder
 * @param replayMillis time spent replaying the existing migrations
 * @param diffMillis   time spent reading the entities, diffing, planning and rendering
 * @param replayedMigrations migrations run in this replay
 * @param cachedMigrations   migrations whose state came from the replay cache instead
 * @param verdicts     the rollout verdict of each of {@code operations}, in their order, on the engine's dialect
 */
public record AutogenResult(List<Operation> operations, List<Operation> skipped, List<Warning> warnings,
                            Optional<Script> script, Optional<Script> undoScript, List<Path> written,
                            long replayMillis, long diffMillis, int replayedMigrations, int cachedMigrations,
                            List<OperationVerdict> verdicts) {

    public AutogenResult {
        verdicts = List.copyOf(verdicts);
    }

    public AutogenResult(List<Operation> operations, List<Operation> skipped, List<Warning> warnings,
                         Optional<Script> script, Optional<Script> undoScript, List<Path> written,
                         long replayMillis, long diffMillis, int replayedMigrations, int cachedMigrations) {
        this(operations, skipped, warnings, script, undoScript, written, replayMillis, diffMillis, replayedMigrations,
                cachedMigrations, List.of());
    }

    public AutogenResult(List<Operation> operations, List<Operation> skipped, List<Warning> warnings,
                         Optional<Script> script, Optional<Script> undoScript, List<Path> written,
                         long replayMillis, long diffMillis) {
        this(operations, skipped, warnings, script, undoScript, written, replayMillis, diffMillis, 0, 0);
    }

    /** For a log line: {@code 2 replayed, 298 from the replay cache}. */
    public String replaySummary() {
        return replayedMigrations + " replayed, " + cachedMigrations + " from the replay cache";
    }

    /** Each operation with its rollout verdict, e.g. {@code add unique pet(name)   [LOCKING, DATA-DEPENDENT]}. */
    public List<String> describedWithVerdicts() {
        if (verdicts.size() != operations.size()) {
            return operations.stream().map(op -> (op.destructive() ? "[DESTRUCTIVE] " : "") + op.describe()).toList();
        }
        return verdicts.stream().map(OperationVerdict::describe).toList();
    }

    public boolean inSync() {
        return operations.isEmpty();
    }
}
