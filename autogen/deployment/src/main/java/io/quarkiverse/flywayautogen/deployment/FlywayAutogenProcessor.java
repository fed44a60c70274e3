package io.quarkiverse.flywayautogen.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import org.jboss.jandex.IndexView;
import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.render.GeneratedMigrations;
import io.quarkus.datasource.runtime.DataSourcesBuildTimeConfig;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.LiveReloadBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.flyway.runtime.FlywayBuildTimeConfig;
import io.quarkus.hibernate.orm.deployment.HibernateOrmConfig;

class FlywayAutogenProcessor {

    private static final String FEATURE = "flyway-autogen";
    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** What every other step needs of the application's datasource, Flyway and Hibernate ORM configuration. */
    @BuildStep
    TargetDatasourceBuildItem targetDatasource(FlywayAutogenBuildTimeConfig config, DataSourcesBuildTimeConfig datasources,
            FlywayBuildTimeConfig flyway, HibernateOrmConfig hibernate) {
        return new TargetDatasourceBuildItem(TargetDatasource.of(config, datasources, flyway, hibernate));
    }

    /**
     * Compares entities and migrations and, in {@code auto} mode, writes the next migration; skipped when neither the
     * mapping nor the migrations changed since the last comparison (see {@link ComparisonInputs}). Declaring an
     * {@link AdditionalIndexedClassesBuildItem} producer orders this step before the combined index, hence before
     * Flyway lists the migration files of this build: a file written here is applied on the same reload.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    AutogenDevModeBuildItem generateBeforeFlywayMigrates(FlywayAutogenBuildTimeConfig config,
            TargetDatasourceBuildItem targetDatasource, ApplicationArchivesBuildItem archives, CurateOutcomeBuildItem curate, OutputTargetBuildItem target, LiveReloadBuildItem liveReload,
            @SuppressWarnings("unused") BuildProducer<AdditionalIndexedClassesBuildItem> runsBeforeTheCombinedIndex) {
        DevModeState state = liveReload.getContextObject(DevModeState.class);
        if (state == null) {
            state = new DevModeState();
            liveReload.setContextObject(DevModeState.class, state);
        }
        if (!config.enabled()) {
            return new AutogenDevModeBuildItem(state);
        }
        TargetDatasource datasource = targetDatasource.datasource();
        IndexView index = archives.getRootArchive().getIndex();
        MigrationsFolder folder = MigrationsFolder.resolve(config.migrationsLocation(), datasource,
                ProjectDir.of(curate, target));
        if (state.lastGeneratedFile.isEmpty()) {
            // a restart starts with a new state: the folder still knows which file the generator wrote last
            state.lastGeneratedFile = GeneratedMigrations.newestIn(folder.source()).map(Path::toString).orElse("");
        }
        AutogenOptions options = AutogenSettings.options(config);
        String dbKind = AutogenSettings.dialectFor(datasource);
        Optional<DevDatasource> database = DevDatasource.of(datasource);
        state.historyFixes = database.map(db -> new HistoryFixes(db, folder.source(), dbKind)).orElse(null);
        ComparisonInputs inputs = ComparisonInputs.of(index, folder.source(), options + " " + config.mode() + " "
                + config.allowDestructive() + " " + datasource.physicalNamingStrategy() + " "
                + datasource.implicitNamingStrategy() + " " + dbKind + " " + config.vendors().orElse(List.of()));
        if (inputs.equals(state.lastCompared)) {
            // same mapping, migrations and settings as the last comparison: its outcome (in sync, or the pending
            // change shown in the Dev UI) still holds
            LOG.debug("Flyway autogenerate: mapping, migrations and settings unchanged; comparison skipped");
            return new AutogenDevModeBuildItem(state);
        }
        Optional<EntitySet> entities = EntityModel.read(index, datasource);
        if (entities.isPresent()) {
            Optional<DraftAmender> amender = config.amendDrafts() ? Optional.of(new DraftAmender(entities.get(), dbKind,
                    folder, options, config.allowDestructive(), database)) : Optional.empty();
            new DevModeGenerator(entities.get(), dbKind, folder, options,
                    config.mode() == FlywayAutogenBuildTimeConfig.Mode.AUTO, config.allowDestructive(), amender,
                    new CompanionVendors(entities.get(), otherVendors(folder, dbKind, config, state), options))
                    .onBuild(state);
        }
        reportBrokenHistory(state);
        state.lastCompared = inputs;
        state.comparisons++;
        return new AutogenDevModeBuildItem(state);
    }

    /** The other databases' folders; none (said once) when the datasource's folder does not name its database. */
    private static Map<String, MigrationsFolder> otherVendors(MigrationsFolder folder, String dbKind,
            FlywayAutogenBuildTimeConfig config, DevModeState state) {
        try {
            return folder.otherVendors(dbKind, config.vendors().orElse(List.of()));
        } catch (AutogenException e) {
            if (!e.getMessage().equals(state.companionErrors.put("", e.getMessage()))) {
                LOG.warnf("Flyway autogenerate: %s", e.getMessage());
            }
            return Map.of();
        }
    }

    /**
     * Before the application's Flyway refuses the dev database, one line says which migration is the trouble and
     * where the fixes are; the same finding is not logged again on the next reload.
     */
    private static void reportBrokenHistory(DevModeState state) {
        if (state.historyFixes == null) {
            return;
        }
        HistoryCheck.Finding finding = state.historyFixes.check();
        if (finding.broken() && !finding.equals(state.history)) {
            LOG.warnf("Flyway autogenerate: the dev database's migration history is broken: %s -- fix it in the Dev UI"
                    + " (Flyway Autogenerate card, Migration history: re-apply, repair or reset); until then Flyway"
                    + " migrates without validating, so that the application and its Dev UI start", finding.summary());
        }
        state.history = finding;
    }

    /**
     * Dev mode serves only an error page while the application is down, so a history Flyway's validation refuses
     * would also take the Dev UI page that fixes it away. While the check finds it broken (and logged it), the dev
     * application's Flyway migrates without validating; a failed migration still stops it. Only a default: a
     * configured {@code validate-on-migrate} wins.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    void startDespiteBrokenHistory(TargetDatasourceBuildItem targetDatasource, AutogenDevModeBuildItem devMode,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults) {
        if (devMode.state().history.broken()) {
            String key = targetDatasource.datasource().flywayKey("validate-on-migrate");
            defaults.produce(new RunTimeConfigurationDefaultBuildItem(key, "false"));
        }
    }

    /** A migration written from the Dev UI restarts the application on the next request, so Flyway applies it. */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    HotDeploymentWatchedFileBuildItem restartOnNewMigration(TargetDatasourceBuildItem targetDatasource) {
        String location = targetDatasource.datasource().flywayLocation() + "/";
        return HotDeploymentWatchedFileBuildItem.builder()
                .setLocationPredicate(path -> path.startsWith(location) && path.endsWith(".sql"))
                .setRestartNeeded(true)
                .build();
    }
}
