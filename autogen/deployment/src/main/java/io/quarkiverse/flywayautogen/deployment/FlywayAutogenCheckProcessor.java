package io.quarkiverse.flywayautogen.deployment;

import java.util.function.Supplier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.dialect.DialectNotConfiguredException;
import io.quarkiverse.flywayautogen.core.rollout.lint.LintReport;
import io.quarkiverse.flywayautogen.core.rollout.lint.LintSettings;
import io.quarkiverse.flywayautogen.core.rollout.lint.MigrationLint;
import io.quarkus.datasource.runtime.DataSourcesBuildTimeConfig;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;

/**
 * {@code alembic check} for Quarkus: with {@code quarkus.flyway-autogen.check=true} the production build fails when
 * the entities need operations the migrations do not contain. Dev mode generates instead of failing.
 * <p>
 * Not in test builds: {@code @QuarkusTest} builds the application while the test engine discovers the test classes,
 * so a failure there is reported once per test class and the build ends on the test engine's "could not load class",
 * far below the message. The gate before the tests is the Maven goal {@code flyway-autogen:check-no-fork} at
 * {@code process-classes}; this step catches a package built without it, once, as the build's last error.
 */
class FlywayAutogenCheckProcessor {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    @BuildStep(onlyIf = IsNormal.class)
    @Produce(ServiceStartBuildItem.class)
    void failOnDrift(FlywayAutogenBuildTimeConfig config, TargetDatasourceBuildItem targetDatasource,
            ApplicationArchivesBuildItem archives, CurateOutcomeBuildItem curate, OutputTargetBuildItem target,
            DataSourcesBuildTimeConfig datasources) {
        if (!config.check()) {
            return;
        }
        TargetDatasource datasource = targetDatasource.datasource();
        Optional<EntitySet> entities = EntityModel.read(archives.getRootArchive().getIndex(), datasource);
        if (entities.isEmpty()) {
            return;
        }
        MigrationsFolder folder = MigrationsFolder.resolve(config.migrationsLocation(), datasource,
                ProjectDir.of(curate, target));
        String dialect = datasource.dialect();
        var settings = AutogenSettings.read();
        AutogenOptions options = settings.options();
        try (CheckEngines engines = new CheckEngines(settings, dialect, devServicesImage(datasources, datasource))) {
            checkAll(engines, dialect, folder, entities.get(), options, config);
        }
    }

    private static void checkAll(CheckEngines engines, String dialect, MigrationsFolder folder, EntitySet entities,
            AutogenOptions options, FlywayAutogenBuildTimeConfig config) {
        try {
            check(engines, dialect, folder, entities, options);
        } catch (NotCheckedException e) {
            throw new MigrationCheckException("Flyway autogenerate check: " + e.getMessage());
        }
        Map<String, MigrationsFolder> others;
        try {
            others = folder.otherVendors(dialect, config.vendors().orElse(List.of()));
        } catch (AutogenException e) {
            throw new MigrationCheckException("Flyway autogenerate check: " + e.getMessage());
        }
        others.forEach((vendor, other) -> {
            try {
                check(engines, vendor, other, entities, options);
            } catch (NotCheckedException e) {
                LOG.warnf("Flyway autogenerate check: the %s migrations in %s are not checked: %s", vendor,
                        other.source(), e.getMessage());
            }
        });
    }

    /** One database's folder against the entities: a {@link MigrationDriftException} listing what it lacks. */
    private static void check(CheckEngines engines, String dialect, MigrationsFolder folder, EntitySet entities,
            AutogenOptions options) {
        AutogenResult result;
        try {
            result = engines.engine(dialect).check(entities, folder.source(), options);
        } catch (DialectNotConfiguredException e) {
            throw new NotCheckedException(e.getMessage());
        } catch (AutogenException e) {
            throw new MigrationCheckException("Flyway autogenerate check (" + dialect + "): " + e.getMessage());
        }
        if (!result.inSync()) {
            throw new MigrationDriftException(folder.source(), result.describedWithVerdicts(), result.warnings().stream().map(w -> w.advice(AutogenSettings.REMEDIES)).toList());
        }
        lint(engines.engine(dialect).dialect(), folder);
    }

    /** As the check goal: a new migration's unacknowledged expand/contract step or lock fails the build. */
    private static void lint(io.quarkiverse.flywayautogen.core.dialect.Dialect dialect, MigrationsFolder folder) {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        LintSettings lint = LintSettings.read(key -> config.getOptionalValue(key, String.class));
        if (!lint.enabled()) {
            return;
        }
        LintReport report = MigrationLint.lint(folder.source(), dialect, lint.baseline());
        report.findings().stream().filter(f -> !f.failing())
                .forEach(f -> LOG.infof("Flyway autogenerate rollout: %s", f.describe()));
        if (!report.passed()) {
            throw new MigrationCheckException("Flyway autogenerate check (" + dialect.name() + ", " + folder.source()
                    + "): " + report.failureMessage() + "\nMigrations up to " + LintSettings.BASELINE
                    + " count as applied (unset: all but the newest).");
        }
    }

    /** The datasource's {@code devservices.image-name}: the image Dev Services would start its PostgreSQL from. */
    private static Optional<String> devServicesImage(DataSourcesBuildTimeConfig datasources, TargetDatasource datasource) {
        return Optional.ofNullable(datasources.dataSources().get(datasource.name()))
                .flatMap(config -> config.devservices().imageName());
    }

    /** A database whose shadow server is not configured here: the datasource's own fails, another's is skipped. */
    private static final class NotCheckedException extends RuntimeException {
        NotCheckedException(String message) {
            super(message, null, false, false);
        }
    }
}
