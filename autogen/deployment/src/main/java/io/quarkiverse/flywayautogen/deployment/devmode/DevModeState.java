package io.quarkiverse.flywayautogen.deployment.devmode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.quarkiverse.flywayautogen.deployment.ComparisonInputs;
import io.quarkiverse.flywayautogen.deployment.DevDatabaseServer;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryCheck;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryFixes;
import io.quarkiverse.flywayautogen.deployment.devui.DevUiWorker;

/**
 * What dev mode knows between reloads: kept as a {@code LiveReloadBuildItem} context object, so it outlives the
 * build that created it. The build steps, the generator and the Dev UI's actions (on their worker thread) read and
 * update the same instance. What changes together is one immutable record, swapped whole: a reader sees one
 * comparison's outcome or the next one's, never half of each.
 */
public final class DevModeState {

    /**
     * The outcome of the last comparison (or decision) on the datasource's folder.
     *
     * @param pending      what the entities need that the migrations lack; {@link PendingChange#NONE} when in sync
     *                     or when the comparison failed
     * @param confirmation why {@code pending} is not written yet; empty when nothing waits for a decision
     * @param error        why the comparison failed, or empty
     */
    record Comparison(PendingChange pending, Optional<ConfirmationReason> confirmation, String error) {

        static final Comparison IN_SYNC = new Comparison(PendingChange.NONE, Optional.empty(), "");

        Comparison {
            Objects.requireNonNull(pending);
            Objects.requireNonNull(confirmation);
            Objects.requireNonNull(error);
        }

        static Comparison failed(String error) {
            return new Comparison(PendingChange.NONE, Optional.empty(), error);
        }

        /** Nothing left to write and nothing failed: other folders may follow. */
        boolean settled() {
            return pending.inSync() && error.isEmpty();
        }
    }

    /**
     * What dev mode wrote this session.
     *
     * @param lastGenerated the migration the generator wrote last, for the card
     * @param message       the name the Dev UI gave the current draft; blank: configuration's message, or what it does
     * @param written       migrations this session wrote (absolute, normalised): drafts by the session rule when git
     *                      cannot tell
     */
    public record Drafting(Optional<Path> lastGenerated, String message, Set<Path> written) {

        static final Drafting NONE = new Drafting(Optional.empty(), "", Set.of());

        public Drafting {
            written = Set.copyOf(written);
        }

        Drafting withLastGenerated(Optional<Path> file) {
            return new Drafting(file, message, written);
        }

        Drafting withMessage(String name) {
            return new Drafting(lastGenerated, name, written);
        }

        Drafting withWritten(Path file) {
            Set<Path> more = new LinkedHashSet<>(written);
            more.add(file.toAbsolutePath().normalize());
            return new Drafting(lastGenerated, message, more);
        }

        Drafting without(Predicate<Path> removed) {
            Set<Path> fewer = new LinkedHashSet<>(written);
            fewer.removeIf(removed);
            return new Drafting(lastGenerated, message, fewer);
        }
    }

    private final AtomicReference<DevModeGenerator> generator = new AtomicReference<>();
    private final AtomicReference<Comparison> comparison = new AtomicReference<>(Comparison.IN_SYNC);
    private final AtomicReference<Drafting> drafting = new AtomicReference<>(Drafting.NONE);
    /** Last pending change reported in the log; the same one is not logged again on the next reload. */
    private final AtomicReference<String> lastLogged = new AtomicReference<>("");
    /** What the last comparison read; a reload with the same inputs needs no new comparison. */
    private final AtomicReference<ComparisonInputs> lastCompared = new AtomicReference<>();
    /** How many builds compared entities and migrations (the others found their inputs unchanged). */
    private final AtomicInteger comparisons = new AtomicInteger();
    /** Checks and fixes the dev database's Flyway history; empty when no jdbc.url is configured. */
    private final AtomicReference<Optional<HistoryFixes>> historyFixes = new AtomicReference<>(Optional.empty());
    /** The dev database's history as last checked against the folder; logged once per new finding. */
    private final AtomicReference<HistoryCheck.Finding> history = new AtomicReference<>(HistoryCheck.Finding.NONE);
    /** Why another database's folder could not follow the datasource's, by db-kind; each logged once. */
    private final AtomicReference<Map<String, String>> companionErrors = new AtomicReference<>(Map.of());
    /** How many builds this dev-mode session ran (a restart is a build). */
    private final AtomicInteger builds = new AtomicInteger();
    /** This build wrote the first migration into a folder its class loader cannot list: a restart follows. */
    private volatile boolean restartFollows;
    /** The dev database the last comparison ran against (configured, or Dev Services'); empty while not known. */
    private final AtomicReference<Optional<DevDatabaseServer>> devDatabase = new AtomicReference<>(Optional.empty());
    /** Where the last comparison made its shadow databases, as the card says it; blank for a file dialect. */
    private volatile String shadowServer = "";
    /** This build found no dev database yet: Dev Services start it after the build, and the comparison waits. */
    private volatile boolean awaitsDevServices;
    /** What lets the application start while something waits for the user. */
    private final DevStartOverrides startOverrides = new DevStartOverrides();
    /** Where the card's JSON-RPC methods run. */
    private final DevUiWorker devUiWorker = new DevUiWorker();

    /** A new build of this session starts; its number. */
    public int buildStarts() {
        return builds.incrementAndGet();
    }

    int builds() {
        return builds.get();
    }

    /** The generator of the last build that found entities. */
    public Optional<DevModeGenerator> generator() {
        return Optional.ofNullable(generator.get());
    }

    void generator(DevModeGenerator current) {
        generator.set(current);
    }

    Comparison comparison() {
        return comparison.get();
    }

    void compared(Comparison outcome) {
        comparison.set(outcome);
        if (outcome.pending().inSync()) {
            lastLogged.set("");
        }
    }

    public Drafting drafting() {
        return drafting.get();
    }

    /** The migration just written (or amended): the card shows it, and it is a draft of this session. */
    void wrote(Path file) {
        drafting.updateAndGet(d -> d.withWritten(file).withLastGenerated(Optional.of(file)));
    }

    /** A migration another database's folder took: a draft of this session, not shown on the card. */
    void wroteCompanion(Path file) {
        drafting.updateAndGet(d -> d.withWritten(file));
    }

    /** Files deleted with their draft (in every folder they were written to). */
    void forgetWritten(Predicate<Path> deleted) {
        drafting.updateAndGet(d -> d.without(deleted));
    }

    /** The draft the card showed is gone. */
    void forgetLastGenerated() {
        drafting.updateAndGet(d -> d.withLastGenerated(Optional.empty()));
    }

    /** A restart starts with a new state: the folder still knows which file the generator wrote last. */
    public void rememberLastGenerated(Optional<Path> newestGenerated) {
        drafting.updateAndGet(d -> d.lastGenerated().isPresent() ? d : d.withLastGenerated(newestGenerated));
    }

    void nameDraft(String message) {
        drafting.updateAndGet(d -> d.withMessage(message));
    }

    /** True the first time this pending change is to be logged; false while the same one is reported again. */
    boolean firstReport(String summary) {
        return !summary.equals(lastLogged.getAndSet(summary));
    }

    /** The next pending change is logged, whatever it is. */
    void reportAgain() {
        lastLogged.set("");
    }

    /** Whether the last comparison read the same mapping, migrations and settings. */
    public boolean comparedAlready(ComparisonInputs inputs) {
        return inputs.equals(lastCompared.get());
    }

    /** A build compared entities and migrations from these inputs. */
    public void comparisonDone(ComparisonInputs inputs) {
        lastCompared.set(inputs);
        comparisons.incrementAndGet();
    }

    public Optional<HistoryFixes> historyFixes() {
        return historyFixes.get();
    }

    public void historyFixes(Optional<HistoryFixes> fixes) {
        historyFixes.set(fixes);
    }

    public HistoryCheck.Finding history() {
        return history.get();
    }

    /** Records a check of the dev database's history; true when it found something else than the last one. */
    public boolean historyChecked(HistoryCheck.Finding finding) {
        return !finding.equals(history.getAndSet(finding));
    }

    /** True when this error of another database's folder was not the last one said for it. */
    public boolean companionFailed(String vendor, String error) {
        Map<String, String> before = companionErrors.getAndUpdate(errors -> {
            Map<String, String> next = new HashMap<>(errors);
            next.put(vendor, error);
            return Map.copyOf(next);
        });
        return !error.equals(before.get(vendor));
    }

    void companionFollows(String vendor) {
        companionErrors.updateAndGet(errors -> {
            Map<String, String> next = new HashMap<>(errors);
            next.remove(vendor);
            return Map.copyOf(next);
        });
    }

    public boolean restartFollows() {
        return restartFollows;
    }

    void restartFollows(boolean follows) {
        restartFollows = follows;
    }

    public Optional<DevDatabaseServer> devDatabase() {
        return devDatabase.get();
    }

    public void devDatabase(Optional<DevDatabaseServer> server) {
        devDatabase.set(server);
    }

    public void shadowServer(String description) {
        shadowServer = description;
    }

    public boolean awaitsDevServices() {
        return awaitsDevServices;
    }

    public void awaitsDevServices(boolean awaits) {
        awaitsDevServices = awaits;
    }

    public DevStartOverrides startOverrides() {
        return startOverrides;
    }

    public DevUiWorker devUiWorker() {
        return devUiWorker;
    }

    /** A change the entities need is not written: it waits for a confirmation, for {@code manual} mode, or a fix. */
    public boolean waitsForUser() {
        return !comparison().settled();
    }

    /** Dev mode ends: the application's own settings are back, and the worker thread stops. */
    public void close() {
        startOverrides.clear();
        devUiWorker.shutdown();
    }

    /** The card's status: one comparison's outcome, whatever the build or the worker does meanwhile. */
    public Map<String, Object> toJson() {
        Comparison outcome = comparison();
        PendingChange pending = outcome.pending();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inSync", outcome.settled());
        json.put("operations", pending.operations());
        json.put("warnings", pending.warnings());
        json.put("sql", pending.sql());
        json.put("fileName", pending.fileName());
        json.put("destructive", pending.destructive());
        json.put("possibleRename", pending.possibleRename());
        json.put("suggestedRename", pending.suggestedRename());
        json.put("tables", pending.tables());
        json.put("confirmationNeeded", outcome.confirmation().map(ConfirmationReason::text).orElse(""));
        json.put("error", outcome.error());
        json.put("lastGeneratedFile", drafting().lastGenerated().map(String::valueOf).orElse(""));
        json.put("comparisons", comparisons.get());
        json.put("migrationsFolder", generator().map(g -> g.folder().source().toString()).orElse(""));
        json.put("devDatabase", devDatabase().map(DevDatabaseServer::description).orElse(""));
        json.put("shadowServer", shadowServer);
        return json;
    }
}
