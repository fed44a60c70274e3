package dev.flywayautogen.quarkus.deployment;

import java.util.Optional;
import java.util.stream.Collectors;

import dev.flywayautogen.core.AutogenResult;
import dev.flywayautogen.core.Autogenerate;
import dev.flywayautogen.core.Warning;
import dev.flywayautogen.core.desired.EntitySet;
import dev.flywayautogen.quarkus.runtime.FlywayAutogenConfig;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;

/**
 * {@code alembic check} for Quarkus: with {@code quarkus.flyway-autogen.check=true} a test or production build fails
 * when the entities need operations the migrations do not contain. Dev mode generates instead of failing.
 */
class FlywayAutogenCheckProcessor {

    @BuildStep(onlyIfNot = IsDevelopment.class)
    @Produce(ServiceStartBuildItem.class)
    void failOnDrift(FlywayAutogenConfig config, ApplicationArchivesBuildItem archives, CurateOutcomeBuildItem curate,
            OutputTargetBuildItem target) {
        if (!config.check()) {
            return;
        }
        Optional<EntitySet> entities = EntityModel.read(archives.getRootArchive().getIndex());
        if (entities.isEmpty()) {
            return;
        }
        MigrationsFolder folder = MigrationsFolder.resolve(config.migrationsLocation(), config.datasource(),
                ProjectDir.of(curate, target));
        String dialect = AutogenSettings.dialectFor(config.datasource());
        AutogenResult result = QuietEngine.run(() -> Autogenerate.forDialect(dialect).check(entities.get(),
                folder.source(), AutogenSettings.options(config)));
        if (!result.inSync()) {
            throw new MigrationDriftException(folder.source(), result.operations().stream()
                    .map(op -> (op.destructive() ? "[DESTRUCTIVE] " : "") + op.describe())
                    .collect(Collectors.toList()), result.warnings().stream().map(Warning::text).toList());
        }
    }
}
