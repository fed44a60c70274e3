package io.quarkiverse.flywayautogen.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What dev mode knows between reloads: kept as a {@code LiveReloadBuildItem} context object, so it outlives the
 * build that created it. The Dev UI actions read and update the same instance.
 */
final class DevModeState {

    volatile DevModeGenerator generator;
    volatile PendingChange pending = PendingChange.NONE;
    volatile String reason = "";
    volatile String error = "";
    volatile String lastGeneratedFile = "";
    /** Last pending change reported in the log; the same one is not logged again on the next reload. */
    volatile String lastLogged = "";
    /** What the last comparison read; a reload with the same inputs needs no new comparison. */
    volatile ComparisonInputs lastCompared;
    /** How many builds compared entities and migrations (the others found their inputs unchanged). */
    volatile int comparisons;
    /** Migrations this session wrote (absolute): drafts by the session rule when git cannot tell. */
    final Set<Path> writtenThisSession = ConcurrentHashMap.newKeySet();
    /** The name the Dev UI gave the current draft; blank: configuration's message, or what it does. */
    volatile String draftMessage = "";
    /** Checks and fixes the dev database's Flyway history; null while the dev database is not known (DevDatabaseServer). */
    volatile HistoryFixes historyFixes;
    /** Why another database's folder could not follow the datasource's, by db-kind; each logged once. */
    final Map<String, String> companionErrors = new ConcurrentHashMap<>();
    /** The dev database's history as last checked against the folder; logged once per new finding. */
    volatile HistoryCheck.Finding history = HistoryCheck.Finding.NONE;
    /** How many builds this dev-mode session ran (a restart is a build). */
    volatile int builds;
    /** This build wrote the first migration into a folder its class loader cannot list: a restart follows. */
    volatile boolean restartFollows;
    /** The dev database the last comparison ran against (configured, or Dev Services'); null while not known. */
    volatile DevDatabaseServer devDatabase;
    /** This build found no dev database yet: Dev Services start it, and the comparison waits for them. */
    volatile boolean awaitedDevServices;
    /** What lets the application start while something waits for the user. */
    final DevStartOverrides startOverrides = new DevStartOverrides();
    /** Where the card's JSON-RPC methods run. */
    final DevUiWorker devUiWorker = new DevUiWorker();

    /** A change the entities need is not written: it waits for a confirmation, for {@code manual} mode, or a fix. */
    boolean waitsForUser() {
        return !pending.inSync() || !error.isEmpty();
    }

    /** Dev mode ends: the application's own settings are back, and the worker thread stops. */
    void close() {
        startOverrides.clear();
        devUiWorker.shutdown();
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inSync", pending.inSync() && error.isEmpty());
        json.put("operations", pending.operations());
        json.put("warnings", pending.warnings());
        json.put("sql", pending.sql());
        json.put("fileName", pending.fileName());
        json.put("destructive", pending.destructive());
        json.put("possibleRename", pending.possibleRename());
        json.put("suggestedRename", pending.suggestedRename());
        json.put("tables", pending.tables());
        json.put("confirmationNeeded", reason);
        json.put("error", error);
        json.put("lastGeneratedFile", lastGeneratedFile);
        json.put("comparisons", comparisons);
        json.put("migrationsFolder", generator == null ? "" : generator.folder().source().toString());
        DevDatabaseServer database = devDatabase;
        json.put("devDatabase", database == null ? "" : database.description());
        return json;
    }
}
