package io.quarkiverse.flywayautogen.deployment.devmode.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairResult;
import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.EngineLogs;
import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.draft.DraftUndo;
import io.quarkiverse.flywayautogen.core.draft.MigrationsBefore;
import io.quarkiverse.flywayautogen.core.render.GeneratedMigrations;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.deployment.DevDatasource;
import io.quarkiverse.flywayautogen.deployment.devmode.Drafts;
import io.quarkiverse.flywayautogen.core.settings.AutogenSettings;

/**
 * The ways out of a broken dev-database history (see {@link HistoryCheck}), each run from the Dev UI and working
 * while the application is down because its Flyway refused to start. Each one ends by marking the newest migration
 * changed, so that the next request restarts the application and its Flyway migrates.
 */
public final class HistoryFixes {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    private final DevDatasource database;
    private final Path migrations;
    private final String dbKind;
    private final AutogenSettings settings;

    public HistoryFixes(DevDatasource database, Path migrations, String dbKind, AutogenSettings settings) {
        this.database = database;
        this.migrations = migrations;
        this.dbKind = dbKind;
        this.settings = settings;
    }

    /** The history as Flyway's validation sees it now. */
    public HistoryCheck.Finding check() {
        return HistoryCheck.check(database, migrations);
    }

    /** Flyway's repair: applied checksums and descriptions follow the files, failed and deleted entries go. */
    public String repair() {
        RepairResult result = EngineLogs.quietly(() -> flyway().repair());
        String done = "repaired Flyway's history: " + result.repairActions;
        LOG.infof("Flyway autogenerate: %s", done);
        restartOnNextRequest();
        return done;
    }

    /** Drops everything in the dev database and migrates it from scratch, as {@code prisma migrate reset} does. */
    public String reset() {
        MigrateResult result = EngineLogs.quietly(() -> {
            Flyway flyway = flyway();
            flyway.clean();
            return flyway.migrate();
        });
        String done = "reset the dev database: dropped everything, applied " + result.migrationsExecuted + " migration(s)";
        LOG.infof("Flyway autogenerate: %s", done);
        restartOnNextRequest();
        return done;
    }

    /**
     * The newest migration was edited after Flyway applied it: undo what the applied version did (from the database
     * itself, the old text is gone) and forget it, so that Flyway applies the file as it is now.
     */
    public String reapplyNewest() {
        Optional<MigrationVersion> highest = MigrationVersion.highestIn(migrations);
        Path newest = highest.flatMap(v -> forwardFile(v)).orElseThrow(() -> new AutogenException("no migration to re-apply"));
        String version = highest.get().toString();
        if (!database.applied(version)) {
            throw new AutogenException(newest.getFileName() + " is not applied on the dev database: nothing to re-apply");
        }
        DraftUndo undo = new DraftUndo(settings.dialect(dbKind));
        try (MigrationsBefore before = MigrationsBefore.copyWithout(migrations, Drafts.withUndo(newest));
             Connection live = database.connect()) {
            DraftUndo.Plan plan = EngineLogs.quietly(() -> undo.plan(live, before.folder()));
            undo.apply(live, plan, database.historyTable(), version);
            String done = "undid the applied " + newest.getFileName() + " (" + plan.summary() + "); Flyway applies the edited file next";
            LOG.infof("Flyway autogenerate: %s", done);
            restartOnNextRequest();
            return done;
        } catch (SQLException e) {
            throw new AutogenException("cannot open the dev database " + database.jdbcUrl() + ": " + e.getMessage(), e);
        } catch (AutogenException e) {
            throw new AutogenException("cannot re-apply " + newest.getFileName() + ": " + e.getMessage()
                    + "; reset the dev database instead");
        }
    }

    private Optional<Path> forwardFile(MigrationVersion version) {
        try (var files = Files.list(migrations)) {
            return files.filter(f -> f.getFileName().toString().startsWith("V"))
                    .filter(f -> f.getFileName().toString().contains("__"))
                    .filter(f -> Drafts.version(f).compareTo(version) == 0).findFirst();
        } catch (IOException e) {
            throw new AutogenException("cannot list " + migrations + ": " + e.getMessage(), e);
        }
    }

    private Flyway flyway() {
        return database.flyway(migrations);
    }

    /**
     * Dev mode restarts for a changed migration file (the watched-file rule), so the next request starts the
     * application again, whose Flyway then finds the history it accepts.
     */
    private void restartOnNextRequest() {
        Optional<Path> newest = GeneratedMigrations.newestIn(migrations)
                .or(() -> MigrationVersion.highestIn(migrations).flatMap(this::forwardFile));
        newest.ifPresent(file -> {
            try {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                LOG.debugf("cannot touch %s: %s", file, e);
            }
        });
    }
}
