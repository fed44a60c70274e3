package io.quarkiverse.flywayautogen.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.DialectNotConfiguredException;
import io.quarkiverse.flywayautogen.core.rollout.lint.LintReport;
import io.quarkiverse.flywayautogen.core.rollout.lint.LintSettings;
import io.quarkiverse.flywayautogen.core.rollout.lint.MigrationLint;

/**
 * {@code alembic check} as a build step: fails the build, listing the operations, when the entities need a change
 * that no migration performs. For binding in the pom: it runs at {@code process-classes}, after compilation and
 * before any test boots the application, so that drift stops the build there, as its only and last error. From the
 * command line use {@code flyway-autogen:check}, which compiles first.
 */
@Mojo(name = "check-no-fork", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckNoForkMojo extends AutogenMojo {

    @Override
    void run(Run run) throws MojoFailureException {
        if (!Files.isDirectory(run.migrations())) {
            throw new MojoFailureException("Flyway autogenerate check: the migrations folder " + run.migrations()
                    + " does not exist; write the first migration with ./mvnw flyway-autogen:generate");
        }
        AutogenResult result = run.engine().check(run.entities(), run.migrations(), run.settings().options());
        warn(result.warnings());
        if (!result.inSync()) {
            throw new MojoFailureException("Flyway autogenerate check: the entities differ from the migrations in "
                    + run.migrations() + ": " + result.operations().size() + " pending operation(s):\n  "
                    + describe(result)
                    + "\nGenerate the migration: ./mvnw flyway-autogen:generate -Dflyway-autogen.message=\"...\""
                    + " (or change an entity in quarkus:dev)");
        }
        getLog().info("Flyway autogenerate: the migrations in " + run.migrations() + " match the "
                + run.entities().classes().size() + " entities");
        lint(run.engine().dialect(), run.migrations(), run);
        for (Map.Entry<String, Path> other : run.others().entrySet()) {
            check(other.getKey(), other.getValue(), run);
        }
    }

    /** Another database's folder: unchecked (said once) on a machine without its shadow server. */
    private void check(String vendor, Path migrations, Run run) throws MojoFailureException {
        AutogenResult result;
        try {
            result = run.settings().engine(vendor).check(run.entities(), migrations, run.settings().options());
        } catch (DialectNotConfiguredException e) {
            getLog().warn("Flyway autogenerate: the " + vendor + " migrations in " + migrations + " are not checked: "
                    + e.getMessage());
            return;
        }
        warn(result.warnings());
        if (!result.inSync()) {
            throw new MojoFailureException("Flyway autogenerate check: the entities differ from the " + vendor
                    + " migrations in " + migrations + ": " + result.operations().size() + " pending operation(s):\n  "
                    + describe(result)
                    + "\nGenerate the migrations: ./mvnw flyway-autogen:generate -Dflyway-autogen.message=\"...\"");
        }
        getLog().info("Flyway autogenerate: the " + vendor + " migrations in " + migrations + " match the entities");
        lint(run.settings().engine(vendor).dialect(), migrations, run);
    }

    /** Fails on a new migration's unacknowledged expand/contract step or lock; applied ones are only reported. */
    private void lint(Dialect dialect, Path migrations, Run run) throws MojoFailureException {
        LintSettings lint = LintSettings.read(run.settings()::value);
        if (!lint.enabled()) {
            return;
        }
        LintReport report = MigrationLint.lint(migrations, dialect, lint.baseline());
        report.findings().stream().filter(f -> !f.failing())
                .forEach(f -> getLog().info("Flyway autogenerate rollout: " + f.describe()));
        if (!report.passed()) {
            throw new MojoFailureException("Flyway autogenerate check (" + dialect.name() + ", " + migrations + "): "
                    + report.failureMessage() + "\nMigrations up to " + LintSettings.BASELINE
                    + " count as applied (unset: all but the newest).");
        }
    }

    @Override
    void noEntities(Path classes) {
        getLog().info("Flyway autogenerate: no @Entity classes in " + classes + ", nothing to check");
    }
}
