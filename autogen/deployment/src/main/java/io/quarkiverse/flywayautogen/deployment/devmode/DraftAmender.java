package io.quarkiverse.flywayautogen.deployment.devmode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.EngineLogs;
import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.draft.DraftUndo;
import io.quarkiverse.flywayautogen.core.draft.MigrationsBefore;
import io.quarkiverse.flywayautogen.deployment.DevDatasource;
import io.quarkiverse.flywayautogen.deployment.MigrationsFolder;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryCheck;
import io.quarkiverse.flywayautogen.core.settings.AutogenSettings;
import io.quarkiverse.flywayautogen.core.rollout.TableSizes;

/**
 * One change set, one migration: while the newest migration is a draft (see {@link Drafts}), a later mapping change
 * rewrites it instead of adding a file. The dev database goes back to before the draft (its undo, and its row out of
 * Flyway's history), the draft is generated again from the migrations before it to the current entities, and Flyway
 * applies it on this reload as any new migration. Whatever stands in the way (an undo that would lose dev data, a
 * change that waits for a confirmation) leaves the draft alone: the caller writes a new file, as without drafts.
 */
public final class DraftAmender {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    private final EntitySet entities;
    private final String dbKind;
    private final MigrationsFolder folder;
    private final AutogenOptions options;
    private final boolean allowDestructive;
    private final Optional<DevDatasource> database;
    private final AutogenSettings settings;

    public DraftAmender(EntitySet entities, String dbKind, MigrationsFolder folder, AutogenOptions options,
                 boolean allowDestructive, Optional<DevDatasource> database, AutogenSettings settings) {
        this.entities = entities;
        this.dbKind = dbKind;
        this.folder = folder;
        this.options = options;
        this.allowDestructive = allowDestructive;
        this.database = database;
        this.settings = settings;
    }

    /** Row counts of the dev database, for the rollout verdicts (a SQLite rebuild's cost); unknown without one. */
    io.quarkiverse.flywayautogen.core.rollout.TableSizes tableSizes() {
        return database.map(db -> TableSizes.counted(() -> {
            try {
                return db.connect();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })).orElse(TableSizes.unknown());
    }

    /**
     * Amends the draft, if the newest migration is one; false when there is none or it cannot be amended (said in
     * one log line). {@code message}: the new name, blank to name it after what it does; {@code renames} and
     * {@code destructiveConfirmed}: what the Dev UI confirmed for the change.
     */
    boolean amend(DevModeState state, String message, RenameHints renames, boolean destructiveConfirmed,
                  boolean duringBuild) {
        Optional<Path> found = Drafts.current(folder.source(), state.drafting().written());
        if (found.isEmpty()) {
            return false;
        }
        Path draft = found.get();
        Set<String> draftFiles = Drafts.withUndo(draft);
        try (MigrationsBefore before = MigrationsBefore.copyWithout(folder.source(), draftFiles)) {
            AutogenOptions run = options.withRenames(options.renames().merge(renames)).withAllowDestructive(true)
                    .withMessage(message);
            AutogenResult result = EngineLogs.quietly(() -> settings.engine(dbKind).generate(entities, before.folder(), run));
            PendingChange change = PendingChange.of(result);
            Optional<ConfirmationReason> reason = destructiveConfirmed ? Optional.empty()
                    : change.confirmationNeeded(allowDestructive);
            if (reason.isPresent()) {
                LOG.infof("Flyway autogenerate: draft %s not amended: the amended change needs a confirmation (%s)",
                        draft.getFileName(), reason.get().text());
                return false;
            }
            String undone = undoOnDevDatabase(draft, before.folder());
            MigrationWriter writer = new MigrationWriter(folder);
            writer.delete(draftFiles);
            // by folder too: another database's folder holds its copy of the draft under the same name
            Path source = folder.source().toAbsolutePath().normalize();
            state.forgetWritten(p -> source.equals(p.getParent()) && draftFiles.contains(p.getFileName().toString()));
            if (change.inSync()) {
                state.forgetLastGenerated();
                LOG.infof("Flyway autogenerate: removed draft %s: the entities no longer need it%s", draft.getFileName(), undone);
                return true;
            }
            Path written = writer.write(result, duringBuild);
            state.wrote(written);
            state.reportAgain();
            LOG.infof("Flyway autogenerate: amended draft %s -> %s (%d operation(s): %s; migrations: %s)%s",
                    draft.getFileName(), written.getFileName(), change.operations().size(), change.summary(),
                    result.replaySummary(), undone);
            return true;
        } catch (AutogenException e) {
            LOG.infof("Flyway autogenerate: draft %s not amended (%s); writing a new migration instead",
                    draft.getFileName(), e.getMessage());
            return false;
        }
    }

    /** Undoes the draft where Flyway applied it; the log's suffix says what was undone. */
    private String undoOnDevDatabase(Path draft, Path migrationsBefore) {
        if (database.isEmpty()) {
            throw new AutogenException("no jdbc.url configured for the dev database, so the draft cannot be undone there");
        }
        String version = Drafts.version(draft).toString();
        if (!database.get().applied(version)) {
            return "";
        }
        boolean editedSinceApplied = HistoryCheck.check(database.get(), folder.source()).problems().stream()
                .anyMatch(p -> p.kind() == HistoryCheck.Case.EDITED && p.version().equals(version));
        if (editedSinceApplied) {
            // regenerating would throw the hand edit away; the history page re-applies it as it is
            throw new AutogenException("it was edited after Flyway applied it");
        }
        DraftUndo undo = new DraftUndo(settings.dialect(dbKind));
        try (Connection live = database.get().connect()) {
            DraftUndo.Plan plan = undo.plan(live, migrationsBefore);
            undo.apply(live, plan, database.get().historyTable(), version);
            return "; undid it on the dev database first (" + (plan.operations().isEmpty() ? "no schema change" : plan.summary()) + ")";
        } catch (SQLException e) {
            throw new AutogenException("cannot open the dev database " + database.get().jdbcUrl() + ": " + e.getMessage(), e);
        }
    }
}
