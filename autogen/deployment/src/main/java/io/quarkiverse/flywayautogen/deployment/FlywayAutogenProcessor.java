package io.quarkiverse.flywayautogen.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import org.jboss.jandex.IndexView;
import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.render.GeneratedMigrations;
import io.quarkiverse.flywayautogen.deployment.devmode.CompanionVendors;
import io.quarkiverse.flywayautogen.deployment.devmode.DevModeGenerator;
import io.quarkiverse.flywayautogen.deployment.devmode.DevModeState;
import io.quarkiverse.flywayautogen.deployment.devmode.DevStartOverrides;
import io.quarkiverse.flywayautogen.deployment.devmode.DraftAmender;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryCheck;
import io.quarkiverse.flywayautogen.deployment.devmode.history.HistoryFixes;
import io.quarkiverse.flywayautogen.deployment.devui.FlywayAutogenDevUIProcessor;
import io.quarkus.agroal.spi.JdbcDataSourceSchemaReadyBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.deployment.spi.DefaultDataSourceDbKindBuildItem;
import io.quarkus.datasource.runtime.DataSourcesBuildTimeConfig;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesAdditionalConfigBuildItem;
import io.quarkus.deployment.builditem.DevServicesCustomizerBuildItem;
import io.quarkus.deployment.builditem.DevServicesRegistryBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.LiveReloadBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.flyway.runtime.FlywayBuildTimeConfig;
import io.quarkus.hibernate.orm.deployment.HibernateOrmConfig;
import io.quarkus.hibernate.orm.deployment.HibernateOrmConfigPersistenceUnit;

class FlywayAutogenProcessor {

    private static final String FEATURE = "flyway-autogen";
    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");
    /** Hibernate ORM's dev-mode schema check after start (with schema management {@code none}), as Quarkus logs it. */
    private static final String POST_BOOT_CHECK = "io.quarkus.hibernate.orm.runtime.schema.SchemaManagementIntegrator";

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** What every other step needs of the application's datasource, Flyway and Hibernate ORM configuration. */
    @BuildStep
    TargetDatasourceBuildItem targetDatasource(FlywayAutogenBuildTimeConfig config, DataSourcesBuildTimeConfig datasources,
            FlywayBuildTimeConfig flyway, HibernateOrmConfig hibernate, List<DefaultDataSourceDbKindBuildItem> defaultDbKinds,
            CurateOutcomeBuildItem curate) {
        return new TargetDatasourceBuildItem(TargetDatasource.of(config, datasources, flyway, hibernate, defaultDbKinds,
                curate));
    }

    /**
     * The datasource's schema comes from its migrations, also before the first one is written. Quarkus' Flyway says so
     * only for a datasource whose folder holds migrations at build time; for one with an empty folder on Dev Services
     * Hibernate ORM would then set {@code schema-management.strategy=drop-and-create}, create the tables on the first
     * start, and the restart that applies the V1 written then would fail on them ("relation already exists"). Found
     * on the security-jpa quickstart, which sets no strategy.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    void schemaComesFromMigrations(FlywayAutogenBuildTimeConfig config, TargetDatasourceBuildItem targetDatasource,
            BuildProducer<JdbcDataSourceSchemaReadyBuildItem> schemaReady) {
        if (config.enabled()) {
            schemaReady.produce(new JdbcDataSourceSchemaReadyBuildItem(List.of(targetDatasource.datasource().name())));
        }
    }

    /**
     * Compares entities and migrations and, in {@code auto} mode, writes the next migration; skipped when neither the
     * mapping nor the migrations changed since the last comparison (see {@link ComparisonInputs}). Declaring an
     * {@link AdditionalIndexedClassesBuildItem} producer orders this step before the combined index, hence before
     * Flyway lists the migration files of this build: a file written here is applied on the same reload. A Dev
     * Services database is found among the services still running from the last build (Dev Services keep it across
     * reloads); on the first start none runs yet, and {@link #compareOnceDevServicesStarted} compares instead.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    AutogenDevModeBuildItem generateBeforeFlywayMigrates(FlywayAutogenBuildTimeConfig config,
            TargetDatasourceBuildItem targetDatasource, ApplicationArchivesBuildItem archives, CurateOutcomeBuildItem curate, OutputTargetBuildItem target, LiveReloadBuildItem liveReload,
            CuratedApplicationShutdownBuildItem devModeEnds, Optional<DevServicesRegistryBuildItem> devServices,
            @SuppressWarnings("unused") BuildProducer<AdditionalIndexedClassesBuildItem> runsBeforeTheCombinedIndex) {
        DevModeState state = liveReload.getContextObject(DevModeState.class);
        if (state == null) {
            DevModeState created = new DevModeState();
            liveReload.setContextObject(DevModeState.class, created);
            devModeEnds.addCloseTask(created::close, true);
            state = created;
        }
        state.buildStarts();
        state.awaitsDevServices(false);
        if (!config.enabled()) {
            return new AutogenDevModeBuildItem(state);
        }
        TargetDatasource datasource = targetDatasource.datasource();
        DevDatabaseServer earlier = state.devDatabase().orElse(null);
        Optional<DevDatabaseServer> server = DevDatabaseServer.configured(datasource).or(() -> devServices
                .flatMap(registry -> DevDatabaseServer.startedByDevServices(datasource, registry.getConfigForAllRunningServices()))
                .map(running -> running.withCredentialsOf(earlier, datasource)));
        if (server.isEmpty()) {
            // no URL configured, and Dev Services start their database only once the build is done
            state.awaitsDevServices(true);
            return new AutogenDevModeBuildItem(state);
        }
        compare(state, config, datasource, archives, ProjectDir.of(curate, target), server, false);
        return new AutogenDevModeBuildItem(state);
    }

    /**
     * The first start of an application whose datasource configures no URL: Dev Services start its database only
     * after the build, when the application starts, and this build's comparison needs it (the dev database, and its
     * server for the shadow databases). Here the database Dev Services would start is started a little earlier,
     * through their own registry (with their customizers and labels, so it is the very container the application
     * gets, and no second one), then compared against. Flyway has listed this build's migrations already, so what
     * is written here is applied by the restart that follows. Without Dev Services the comparison runs as it would
     * have, and says what is missing.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    DevDatabaseBuildItem compareOnceDevServicesStarted(AutogenDevModeBuildItem devMode, FlywayAutogenBuildTimeConfig config,
            TargetDatasourceBuildItem targetDatasource, ApplicationArchivesBuildItem archives, CurateOutcomeBuildItem curate,
            OutputTargetBuildItem target, Optional<DevServicesRegistryBuildItem> registry,
            List<DevServicesResultBuildItem> devServices, List<DevServicesCustomizerBuildItem> customizers,
            List<DevServicesAdditionalConfigBuildItem> additionalConfig) {
        DevModeState state = devMode.state();
        if (state.awaitsDevServices()) {
            TargetDatasource datasource = targetDatasource.datasource();
            Optional<DevDatabaseServer> server = registry.flatMap(r -> DevServicesDatabase.startEarly(datasource, r,
                    devServices, customizers, additionalConfig));
            compare(state, config, datasource, archives, ProjectDir.of(curate, target), server, true);
        }
        return new DevDatabaseBuildItem(state.devDatabase());
    }

    /** One comparison against the dev database {@code server} (empty: not known), unless its inputs are the last one's. */
    private static void compare(DevModeState state, FlywayAutogenBuildTimeConfig config, TargetDatasource datasource,
            ApplicationArchivesBuildItem archives, Path projectDir, Optional<DevDatabaseServer> server,
            boolean afterFlywayListed) {
        IndexView index = archives.getRootArchive().getIndex();
        MigrationsFolder folder = MigrationsFolder.resolve(config.migrationsLocation(), datasource, projectDir);
        // a restart starts with a new state: the folder still knows which file the generator wrote last
        state.rememberLastGenerated(GeneratedMigrations.newestIn(folder.source()));
        var settings = AutogenSettings.read(server);
        AutogenOptions options = settings.options();
        String dbKind = datasource.dialect();
        state.devDatabase(server);
        state.shadowServer(settings.devDatabase().map(shadow -> shadow.explicit()
                ? new DevDatabaseServer(shadow.jdbcUrl(), null, null, false).description()
                : server.map(DevDatabaseServer::description).orElse("")).orElse(""));
        Optional<DevDatasource> database = server.map(s -> DevDatasource.on(s, datasource));
        state.historyFixes(database.map(db -> new HistoryFixes(db, folder.source(), dbKind, settings)));
        ComparisonInputs inputs = ComparisonInputs.of(index, folder.source(), options + " " + config.mode() + " "
                + config.allowDestructive() + " " + datasource.physicalNamingStrategy() + " "
                + datasource.implicitNamingStrategy() + " " + dbKind + " " + config.vendors().orElse(List.of()) + " "
                + server.map(DevDatabaseServer::jdbcUrl).orElse(""));
        if (state.comparedAlready(inputs)) {
            // same mapping, migrations and settings as the last comparison: its outcome (in sync, or the pending
            // change shown in the Dev UI) still holds
            LOG.debug("Flyway autogenerate: mapping, migrations and settings unchanged; comparison skipped");
            return;
        }
        Optional<EntitySet> entities = EntityModel.read(index, datasource);
        if (entities.isPresent()) {
            Optional<DraftAmender> amender = config.amendDrafts() ? Optional.of(new DraftAmender(entities.get(), dbKind,
                    folder, options, config.allowDestructive(), database, settings)) : Optional.empty();
            new DevModeGenerator(entities.get(), dbKind, folder, options,
                    config.mode() == FlywayAutogenBuildTimeConfig.Mode.AUTO, config.allowDestructive(), amender,
                    new CompanionVendors(entities.get(), otherVendors(folder, dbKind, config, state), options, settings),
                    settings)
                    .onBuild(state, afterFlywayListed);
        }
        reportBrokenHistory(state);
        state.comparisonDone(inputs);
    }

    /** The other databases' folders; none (said once) when the datasource's folder does not name its database. */
    private static Map<String, MigrationsFolder> otherVendors(MigrationsFolder folder, String dbKind,
            FlywayAutogenBuildTimeConfig config, DevModeState state) {
        try {
            return folder.otherVendors(dbKind, config.vendors().orElse(List.of()));
        } catch (AutogenException e) {
            if (state.companionFailed("", e.getMessage())) {
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
        if (state.historyFixes().isEmpty()) {
            return;
        }
        HistoryCheck.Finding finding = state.historyFixes().get().check();
        if (state.historyChecked(finding) && finding.broken()) {
            LOG.warnf("Flyway autogenerate: the dev database's migration history is broken: %s -- fix it in the Dev UI"
                    + " (%s: re-apply, repair or reset); until then Flyway migrates without validating, so that the"
                    + " application and its Dev UI start", finding.summary(),
                    FlywayAutogenDevUIProcessor.pageUrl("migration-history"));
        }
    }

    /**
     * Whatever waits for the user must not take the application down, or the Dev UI card that resolves it goes with
     * it (dev mode serves only an error page then). While the dev database's history is broken, Flyway migrates
     * without validating. While a change waits (a possible rename, a destructive change, one the engine refused, or
     * anything in {@code manual} mode), and on the first start, whose migration only the restart that follows can
     * apply, Hibernate ORM does not refuse the schema the change would make match (a configured {@code validate} is
     * {@code none} for that start), nor does its dev-mode check that follows log, as an error, SQL of its own for
     * it: the card holds the migration. (Starting Hibernate offline instead would skip that check, but SQLite's
     * dialect has no local temporary tables, which offline start needs.) A failed migration still stops the
     * application. See {@link DevStartOverrides}.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    @Produce(ServiceStartBuildItem.class) // before the application starts, where its configuration is read
    @Consume(DevDatabaseBuildItem.class) // after the comparison a Dev Services database waited for
    void startWhileSomethingWaits(TargetDatasourceBuildItem targetDatasource, AutogenDevModeBuildItem devMode,
            HibernateOrmConfig hibernate) {
        DevModeState state = devMode.state();
        TargetDatasource datasource = targetDatasource.datasource();
        Map<String, String> wanted = new LinkedHashMap<>();
        if (state.history().broken()) {
            wanted.put(datasource.flywayKey("validate-on-migrate"), "false");
        }
        String unit = persistenceUnitPrefix(datasource, hibernate);
        String strategyKey = unit + "schema-management.strategy";
        String strategy = state.startOverrides().configured(strategyKey)
                .or(() -> state.startOverrides().configured(unit + "database.generation"))
                .map(value -> value.strip().toLowerCase(Locale.ROOT)).orElse("none");
        if (state.waitsForUser() || state.restartFollows()) {
            if (strategy.equals("validate")) {
                wanted.put(strategyKey, "none");
            }
            wanted.put("quarkus.log.category.\"" + POST_BOOT_CHECK + "\".level", "OFF");
        }
        state.startOverrides().apply(wanted);
    }

    /** {@code quarkus.hibernate-orm.} for the persistence unit mapped to the datasource, as Hibernate ORM names it. */
    private static String persistenceUnitPrefix(TargetDatasource datasource, HibernateOrmConfig hibernate) {
        if (!DataSourceUtil.isDefault(datasource.name())) {
            for (Map.Entry<String, HibernateOrmConfigPersistenceUnit> unit : hibernate.namedPersistenceUnits().entrySet()) {
                if (unit.getValue().datasource().filter(datasource.name()::equals).isPresent()) {
                    return "quarkus.hibernate-orm.\"" + unit.getKey() + "\".";
                }
            }
        }
        return "quarkus.hibernate-orm.";
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
