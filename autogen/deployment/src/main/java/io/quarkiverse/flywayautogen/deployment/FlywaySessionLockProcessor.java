package io.quarkiverse.flywayautogen.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.quarkiverse.flywayautogen.runtime.FlywaySessionLock;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.deployment.ApplicationArchive;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.flyway.FlywayDataSource;

/**
 * A PostgreSQL datasource whose migrations build indexes {@code CONCURRENTLY} gets Flyway's session-level lock
 * ({@link FlywaySessionLock}), in every launch mode and in the native executable: without it the application's own
 * migrate-at-start waits on Flyway's lock transaction for ever. That is the case when safe rollout generates such
 * scripts, or when a script of the datasource's Flyway location is configured {@code executeInTransaction=false}
 * (a hand-written one included).
 */
class FlywaySessionLockProcessor {

    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*false\\s*$");

    @BuildStep
    void sessionLevelFlywayLock(FlywayAutogenBuildTimeConfig config, TargetDatasourceBuildItem target,
            ApplicationArchivesBuildItem archives, BuildProducer<SyntheticBeanBuildItem> beans) {
        TargetDatasource datasource = target.datasource();
        if (!datasource.dbKind().map(DatabaseKind::isPostgreSQL).orElse(false)) {
            return;
        }
        boolean safeRollout = "safe".equals(config.rollout().trim().toLowerCase(Locale.ROOT));
        if (!safeRollout && !holdsScriptOutsideTransaction(archives, datasource.flywayLocation())) {
            return;
        }
        var bean = SyntheticBeanBuildItem.configure(FlywaySessionLock.class)
                .types(FlywayConfigurationCustomizer.class)
                .scope(Singleton.class)
                .unremovable()
                .creator(FlywaySessionLock.Creator.class);
        if (!DataSourceUtil.isDefault(datasource.name())) {
            // Quarkus' Flyway gives an unqualified customizer to the default datasource only
            bean.addQualifier().annotation(FlywayDataSource.class).addValue("value", datasource.name()).done();
        }
        beans.produce(bean.done());
    }

    /** Whether a {@code .sql.conf} under the location, in any application archive, runs its script outside a transaction. */
    static boolean holdsScriptOutsideTransaction(ApplicationArchivesBuildItem archives, String location) {
        AtomicBoolean found = new AtomicBoolean();
        for (ApplicationArchive archive : archives.getAllApplicationArchives()) {
            archive.accept(tree -> tree.walkIfContains(location, visit -> {
                if (!found.get() && visit.getRelativePath("/").endsWith(".sql.conf")) {
                    try {
                        found.set(OUTSIDE_TRANSACTION.matcher(Files.readString(visit.getPath())).find());
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + visit.getPath(), e);
                    }
                }
            }));
        }
        return found.get();
    }
}
