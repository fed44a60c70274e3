package io.quarkiverse.flywayautogen.deployment.devmode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.EngineLogs;
import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.render.LeadMigration;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.deployment.MigrationsFolder;
import io.quarkiverse.flywayautogen.core.settings.AutogenSettings;

/**
 * The other databases' migration folders in dev mode ({@code quarkus.flyway-autogen.vendors}). Once the
 * datasource's folder holds the entities' change, each other folder gets the same change under the same version and
 * name, so that the sets stay in step, version for version. A draft follows the datasource's: while the datasource's
 * newest migration is amended, the others' copy of it is generated again. Nothing is applied: dev mode runs on the
 * datasource's database only, and what each file does is checked by the engine's self-check on its own database.
 */
public final class CompanionVendors {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    private final EntitySet entities;
    private final Map<String, MigrationsFolder> folders;
    private final AutogenOptions options;
    private final AutogenSettings settings;

    /** {@code folders}: by db-kind, the datasource's own excluded; empty when the application ships one set. */
    public CompanionVendors(EntitySet entities, Map<String, MigrationsFolder> folders, AutogenOptions options,
            AutogenSettings settings) {
        this.entities = entities;
        this.folders = Map.copyOf(folders);
        this.options = options;
        this.settings = settings;
    }

    /**
     * After the datasource's folder took a change (or found none): the others follow its newest migration.
     * {@code confirmed}: renames the Dev UI confirmed for that change, which the others' comparison needs too.
     */
    void follow(DevModeState state, MigrationsFolder datasourceFolder, RenameHints confirmed) {
        if (folders.isEmpty() || !state.comparison().settled()) {
            return; // the datasource's own change is not settled yet: nothing to follow
        }
        Optional<LeadMigration> lead = LeadMigration.newestIn(datasourceFolder.source());
        if (lead.isEmpty()) {
            return;
        }
        folders.forEach((vendor, folder) -> {
            try {
                follow(state, vendor, folder, lead.get(), confirmed);
                state.companionFollows(vendor);
            } catch (AutogenException e) {
                if (state.companionFailed(vendor, e.getMessage())) {
                    LOG.warnf("Flyway autogenerate: the %s migrations in %s do not follow: %s", vendor, folder.source(),
                            e.getMessage());
                }
            }
        });
    }

    private void follow(DevModeState state, String vendor, MigrationsFolder folder, LeadMigration lead,
            RenameHints confirmed) {
        // the datasource's change was decided already (destructive or not): the others take it as it is
        AutogenOptions run = options.withRenames(options.renames().merge(confirmed)).withAllowDestructive(true);
        createMissing(folder.source());
        // only compare here (replay and diff, no rendering, no self-check): the write below runs the full engine once
        AutogenResult compared = EngineLogs.quietly(() -> settings.engine(vendor).check(entities, folder.source(), run));
        if (compared.operations().isEmpty()) {
            return; // in step already
        }
        MigrationWriter writer = new MigrationWriter(folder);
        Optional<MigrationVersion> highest = MigrationVersion.highestIn(folder.source());
        if (!lead.ahead(highest)) {
            Optional<Path> draft = Drafts.current(folder.source(), state.drafting().written());
            if (draft.isEmpty() || Drafts.version(draft.get()).compareTo(lead.version()) != 0) {
                throw new AutogenException("it already has V" + highest.get() + ", which is committed or not written"
                        + " by dev mode, and still differs from the entities (" + compared.operations().size()
                        + " operation(s)); generate its next migration (flyway-autogen:generate) or fix it by hand");
            }
            writer.delete(Drafts.withUndo(draft.get())); // the datasource's draft was amended: this copy follows
        }
        AutogenResult result = EngineLogs.quietly(() -> settings.engine(vendor).generate(entities, folder.source(),
                lead.follow(run)));
        Path written = writer.write(result, false);
        state.wroteCompanion(written);
        LOG.infof("Flyway autogenerate: wrote %s for %s (%d operation(s))", written, vendor, result.operations().size());
    }

    private static void createMissing(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new AutogenException("cannot create the migrations folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
