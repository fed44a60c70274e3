package dev.flywayautogen.quarkus.deployment;

import java.util.Optional;

import org.hibernate.boot.Metadata;

import dev.flywayautogen.quarkus.runtime.FlywayAutogenConfig;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.LiveReloadBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;

class FlywayAutogenProcessor {

    private static final String FEATURE = "flyway-autogen";

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Compares entities and migrations and, in {@code auto} mode, writes the next migration. Declaring an
     * {@link AdditionalIndexedClassesBuildItem} producer orders this step before the combined index, hence before
     * Flyway lists the migration files of this build: a file written here is applied on the same reload.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    AutogenDevModeBuildItem generateBeforeFlywayMigrates(FlywayAutogenConfig config, ApplicationArchivesBuildItem archives,
            CurateOutcomeBuildItem curate, OutputTargetBuildItem target, LiveReloadBuildItem liveReload,
            @SuppressWarnings("unused") BuildProducer<AdditionalIndexedClassesBuildItem> runsBeforeTheCombinedIndex) {
        DevModeState state = liveReload.getContextObject(DevModeState.class);
        if (state == null) {
            state = new DevModeState();
            liveReload.setContextObject(DevModeState.class, state);
        }
        if (!config.enabled()) {
            return new AutogenDevModeBuildItem(state);
        }
        Optional<Metadata> entities = EntityModel.read(archives.getRootArchive().getIndex());
        if (entities.isPresent()) {
            MigrationsFolder folder = MigrationsFolder.resolve(config.migrationsLocation(), config.datasource(),
                    ProjectDir.of(curate, target));
            new DevModeGenerator(entities.get(), folder, AutogenSettings.options(config),
                    config.mode() == FlywayAutogenConfig.Mode.AUTO, config.allowDestructive()).onBuild(state);
        }
        return new AutogenDevModeBuildItem(state);
    }

    /** A migration written from the Dev UI restarts the application on the next request, so Flyway applies it. */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    HotDeploymentWatchedFileBuildItem restartOnNewMigration(FlywayAutogenConfig config) {
        String location = MigrationsFolder.flywayLocation(config.datasource()) + "/";
        return HotDeploymentWatchedFileBuildItem.builder()
                .setLocationPredicate(path -> path.startsWith(location) && path.endsWith(".sql"))
                .setRestartNeeded(true)
                .build();
    }
}
