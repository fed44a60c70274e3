package io.quarkiverse.flywayautogen.deployment.devmode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.EngineLogs;
import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.deployment.MigrationsFolder;
import io.quarkiverse.flywayautogen.deployment.devui.FlywayAutogenDevUIProcessor;
import io.quarkiverse.flywayautogen.core.settings.AutogenSettings;
import io.quarkus.dev.appstate.ApplicationStateNotification;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;
import io.quarkiverse.flywayautogen.core.rollout.TableSizes;
import io.quarkiverse.flywayautogen.core.rollout.DeferredDrops;
import java.util.List;

/**
 * One build's view of entities and migrations, and the decisions dev mode takes on it: write the next migration,
 * or report it and wait for a confirmation (destructive change, possible rename) or for the user ({@code manual}).
 */
public final class DevModeGenerator {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    private final EntitySet entities;
    private final String dbKind;
    private final MigrationsFolder folder;
    private final AutogenOptions options;
    private final boolean auto;
    private final boolean allowDestructive;
    /** Empty when drafts are not amended ({@code quarkus.flyway-autogen.amend-drafts=false}). */
    private final Optional<DraftAmender> amender;
    private final CompanionVendors companions;
    private final AutogenSettings settings;

    public DevModeGenerator(EntitySet entities, String dbKind, MigrationsFolder folder, AutogenOptions options, boolean auto,
                     boolean allowDestructive, Optional<DraftAmender> amender, CompanionVendors companions,
                     AutogenSettings settings) {
        this.entities = entities;
        this.dbKind = dbKind;
        this.folder = folder;
        this.options = options;
        this.auto = auto;
        this.allowDestructive = allowDestructive;
        this.amender = amender;
        this.companions = companions;
        this.settings = settings;
    }

    public MigrationsFolder folder() {
        return folder;
    }

    /**
     * Dev-mode start and every reload: runs before Flyway lists its migrations. The other databases' folders follow
     * once the datasource's holds the change.
     */
    public void onBuild(DevModeState state) {
        onBuild(state, false);
    }

    /**
     * {@code afterFlywayListed}: this build's Flyway has listed its migrations already (the first start on a Dev
     * Services database, compared once the database runs), so whatever is written needs the restart that follows,
     * as a first migration in a new folder does.
     */
    public void onBuild(DevModeState state, boolean afterFlywayListed) {
        state.generator(this);
        compareAndWrite(state, afterFlywayListed);
        companions.follow(state, folder, RenameHints.none());
    }

    private void compareAndWrite(DevModeState state, boolean afterFlywayListed) {
        // Quarkus' class loader lists a class-path folder once, when it is created: a folder that is not there yet
        // stays invisible to this build's Flyway even after it is written
        boolean visibleToThisBuild = !afterFlywayListed && folder.classpathCopy().map(Files::isDirectory).orElse(false);
        state.restartFollows(false);
        try {
            createMissingFolder();
            AutogenResult result = preview(RenameHints.none(), "");
            PendingChange pending = PendingChange.of(result);
            if (pending.inSync()) {
                state.compared(DevModeState.Comparison.IN_SYNC);
                recordDeferredDrops(state, result);
                return;
            }
            // a draft is amended on its own terms: what it needs is judged from the migrations before it
            if (auto && amendDraft(state, RenameHints.none(), false, true)) {
                Optional<Path> amended = state.drafting().lastGenerated();
                if (!visibleToThisBuild && amended.isPresent()) {
                    state.restartFollows(true);
                    restartSoon(state, amended.get());
                }
                return;
            }
            Optional<ConfirmationReason> reason = pending.confirmationNeeded(allowDestructive);
            if (auto && reason.isEmpty()) {
                Path written = write(state, result, pending, true);
                if (!visibleToThisBuild) {
                    state.restartFollows(true);
                    restartSoon(state, written);
                }
                return;
            }
            ConfirmationReason waitsFor = auto ? reason.get() : ConfirmationReason.MANUAL_MODE;
            state.compared(new DevModeState.Comparison(pending, Optional.of(waitsFor), ""));
            if (state.firstReport(pending.summary())) {
                LOG.warnf("Flyway autogenerate: %d pending operation(s) not written (%s): %s%s -- review and generate"
                        + " them in the Dev UI (%s)%s", pending.operations().size(), waitsFor.text(), pending.summary(),
                        warningsSuffix(pending), FlywayAutogenDevUIProcessor.pageUrl("pending-migration"),
                        howToAllow(pending));
            }
        } catch (AutogenException e) {
            String before = state.comparison().error();
            state.compared(DevModeState.Comparison.failed(e.getMessage()));
            if (!e.getMessage().equals(before)) {
                LOG.warnf("Flyway autogenerate: cannot generate the next migration: %s -- the Dev UI shows it too (%s)",
                        e.getMessage(), FlywayAutogenDevUIProcessor.pageUrl("pending-migration"));
            }
        }
    }

    /**
     * Safe rollout defers a drop to the contract step: the comparison is in sync, and the drop must be listed in the
     * deferred-drops file, as the generate goal does, or nothing remembers it. In auto mode the engine records it
     * (a generate that writes: with nothing else pending it only adds the drop to the file, which the next
     * comparison then expects); in manual mode dev mode writes nothing unasked, so it says once which goal does.
     */
    private void recordDeferredDrops(DevModeState state, AutogenResult result) {
        List<String> deferred = result.warnings().stream().filter(w -> w.kind() == Warning.Kind.DROP_DEFERRED)
                .map(Warning::text).toList();
        if (deferred.isEmpty()) {
            return;
        }
        Path file = folder.source().resolve(DeferredDrops.FILE_NAME);
        if (!auto) {
            if (state.firstReport(String.join("; ", deferred))) {
                LOG.warnf("Flyway autogenerate: %s -- not recorded (mode is manual): run ./mvnw flyway-autogen:generate"
                        + " (or the CLI's generate) to list it in %s", String.join("; ", deferred), file);
            }
            return;
        }
        // no allowDestructive here: were anything but deferred drops pending by now, the engine refuses it
        AutogenResult recorded = EngineLogs.quietly(() -> settings.engine(dbKind)
                .withTableSizes(amender.map(DraftAmender::tableSizes).orElse(TableSizes.unknown()))
                .generate(entities, folder.source(), options.withWrite(true)));
        if (!recorded.written().isEmpty()) {
            state.wrote(recorded.written().get(0));
        }
        LOG.infof("Flyway autogenerate: %s -- recorded in %s; the contract step drops it (Dev UI: Contract, or"
                + " ./mvnw flyway-autogen:contract) once no replica runs the previous release", String.join("; ", deferred),
                file);
    }

    /**
     * A decision from the Dev UI. {@code destructiveConfirmed} lets drops through (a possible rename then becomes
     * the drop and add it looks like); {@code rename} confirms a rename instead. A non-blank {@code message} names
     * the migration instead of what its first operation does.
     */
    public void confirm(DevModeState state, boolean destructiveConfirmed, RenameHints rename, String message) {
        decide(state, destructiveConfirmed, rename, message);
        companions.follow(state, folder, rename);
    }

    private void decide(DevModeState state, boolean destructiveConfirmed, RenameHints rename, String message) {
        AutogenResult result = preview(rename, message);
        PendingChange pending = PendingChange.of(result);
        if (pending.inSync()) {
            state.compared(DevModeState.Comparison.IN_SYNC);
            return;
        }
        if (!message.isBlank()) {
            state.nameDraft(message.strip()); // the card's name: for an amended draft as for a new file
        }
        if (amendDraft(state, rename, destructiveConfirmed, false)) {
            return;
        }
        Optional<ConfirmationReason> reason = destructiveConfirmed ? Optional.empty()
                : pending.confirmationNeeded(allowDestructive);
        if (reason.isPresent()) {
            state.compared(new DevModeState.Comparison(pending, reason, ""));
            throw new AutogenException("still needs a confirmation: " + reason.get().text() + ": " + pending.summary());
        }
        // outside a build: dev mode copies the new source file to the class path itself, and the watched-file
        // rule restarts the application on the next request, when Flyway applies it
        write(state, result, pending, false);
    }

    /**
     * The first migration of a new application went into a folder this build's class loader could not list: a
     * restart (a new class loader) lets Flyway apply it, as a live reload does for any later migration.
     */
    private void restartSoon(DevModeState state, Path written) {
        LOG.infof("Flyway autogenerate: %s, so this start cannot apply %s: the application starts without it,"
                + " then restarts once to apply it", state.awaitsDevServices()
                        ? "the dev database was compared once Dev Services had started it"
                        : folder.source() + " is new", written.getFileName());
        HotReplacementContext dev = DevConsoleManager.getHotReplacementContext();
        if (dev == null) {
            return;
        }
        // The state may still hold an earlier start's outcome (tests run several dev-mode applications in one JVM):
        // this start has not ended yet, and the restart must come after it did.
        ApplicationStateNotification.reset();
        int thisBuild = state.builds();
        Thread restart = new Thread(() -> {
            try {
                try {
                    ApplicationStateNotification.waitForApplicationStart();
                } catch (RuntimeException failedStart) {
                    // the restart below is what the application needs, whatever stopped this start
                }
                // Dev mode restarts for a changed migration only once this start's build registered its watched
                // files, so the file is marked changed again until a scan restarts (a scan during the build only
                // takes note). A scan an HTTP request ran may restart first: then marking it again would restart a
                // second time, so the loop ends as soon as a build follows this one, whoever started it.
                for (int attempt = 1; attempt <= 60 && state.builds() == thisBuild; attempt++) {
                    Thread.sleep(1000);
                    if (state.builds() != thisBuild) {
                        return;
                    }
                    Files.setLastModifiedTime(written,
                            java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1000L * attempt));
                    if (dev.doScan(true)) {
                        return;
                    }
                }
                if (state.builds() == thisBuild) {
                    LOG.warn("Flyway autogenerate: reload to apply the first migration");
                }
            } catch (Exception e) {
                LOG.warnf("Flyway autogenerate: restart after the first migration failed (%s); reload to apply it", e);
            }
        }, "flyway-autogen-first-migration");
        restart.setDaemon(true);
        restart.start();
    }

    /** A new application starts from no migrations at all: its first one, V1, creates every table. */
    private void createMissingFolder() {
        if (!Files.isDirectory(folder.source())) {
            try {
                Files.createDirectories(folder.source());
                // said with what follows, once the first migration is written (restartSoon)
                LOG.debugf("Flyway autogenerate: created the migrations folder %s", folder.source());
            } catch (IOException e) {
                throw new AutogenException("cannot create the migrations folder " + folder.source() + ": " + e.getMessage());
            }
        }
    }

    /** The script that would be written, destructive operations included: whether to write it is decided here. */
    private AutogenResult preview(RenameHints extra, String message) {
        AutogenOptions named = message.isBlank() ? options : options.withMessage(message.trim());
        AutogenOptions run = named.withRenames(options.renames().merge(extra)).withAllowDestructive(true);
        AutogenResult result = EngineLogs.quietly(() -> settings.engine(dbKind)
                .withTableSizes(amender.map(DraftAmender::tableSizes)
                        .orElse(TableSizes.unknown()))
                .generate(entities, folder.source(), run));
        LOG.debugf("Flyway autogenerate: compared the entities with the migrations (replay and diff %d ms; migrations: %s)",
                result.replayMillis() + result.diffMillis(), result.replaySummary());
        return result;
    }

    /**
     * {@code duringBuild}: this build's Flyway has not listed its files yet, so the script is copied to the class
     * path too, to be applied on this very reload.
     */
    private Path write(DevModeState state, AutogenResult result, PendingChange pending, boolean duringBuild) {
        Path forward = new MigrationWriter(folder).write(result, duringBuild);
        state.wrote(forward);
        state.nameDraft("");
        state.compared(DevModeState.Comparison.IN_SYNC);
        LOG.infof("Flyway autogenerate: wrote %s (%d operation(s): %s; migrations: %s)%s", forward,
                pending.operations().size(), pending.summary(), result.replaySummary(), warningsSuffix(pending));
        return forward;
    }

    /** True when the newest migration was a draft and now holds the change (see {@link DraftAmender}). */
    private boolean amendDraft(DevModeState state, RenameHints renames, boolean destructiveConfirmed, boolean duringBuild) {
        if (amender.isEmpty() || !amender.get().amend(state, draftMessage(state), renames, destructiveConfirmed, duringBuild)) {
            return false;
        }
        state.compared(DevModeState.Comparison.IN_SYNC);
        return true;
    }

    /**
     * The Dev UI renames the draft once and for all; otherwise configuration names it, or what it does. Only the
     * name of the draft follows the card: the first file of a change set is named from the configuration.
     */
    String draftMessage(DevModeState state) {
        String named = state.drafting().message();
        return named.isBlank() ? options.message() : named;
    }

    /** Renames the current draft from the Dev UI: generated again under the new name, and applied. */
    public void nameDraft(DevModeState state, String message) {
        if (amender.isEmpty()) {
            throw new AutogenException("drafts are not amended (quarkus.flyway-autogen.amend-drafts=false)");
        }
        state.nameDraft(message == null ? "" : message.strip());
        if (!amender.get().amend(state, draftMessage(state), RenameHints.none(), false, false)) {
            throw new AutogenException("there is no draft to rename, or it cannot be amended (see the log)");
        }
        companions.follow(state, folder, RenameHints.none());
    }

    /**
     * The Dev UI's Contract action: writes the contract migration dropping what safe rollout deferred
     * ({@code flyway-autogen-deferred.txt}) and empties that file; Flyway applies it on the next request.
     */
    public void contract(DevModeState state) {
        AutogenResult result = EngineLogs.quietly(() -> settings.engine(dbKind)
                .contract(entities, folder.source(), options.withWrite(true)));
        if (result.written().isEmpty()) {
            throw new AutogenException("nothing deferred to drop: " + folder.source().resolve(
                    DeferredDrops.FILE_NAME) + " lists nothing the schema still has");
        }
        Path written = result.written().get(0);
        state.wrote(written);
        state.compared(DevModeState.Comparison.IN_SYNC);
        LOG.infof("Flyway autogenerate: wrote the contract migration %s (%s)", written,
                io.quarkiverse.flywayautogen.core.render.ChangeSummary.of(result.operations()));
    }

    /** Destructive changes can be allowed once for all; a possible rename's warning already names its key. */
    private String howToAllow(PendingChange pending) {
        if (!auto || !pending.destructive() || pending.possibleRename()) {
            return "";
        }
        return ", or set quarkus.flyway-autogen.allow-destructive=true";
    }

    private static String warningsSuffix(PendingChange pending) {
        return pending.warnings().isEmpty() ? "" : "; warnings: " + String.join("; ", pending.warnings());
    }
}
