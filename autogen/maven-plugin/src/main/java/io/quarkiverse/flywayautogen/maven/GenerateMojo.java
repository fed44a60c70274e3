package io.quarkiverse.flywayautogen.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.render.LeadMigration;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.core.render.ChangeSummary;

/**
 * {@code ./mvnw flyway-autogen:generate -Dflyway-autogen.message="add owner email"}: compiles the project, then writes
 * the next migration (and its undo with {@code quarkus.flyway-autogen.undo=true}) into the migrations folder and
 * prints its path. As in dev mode, drops and narrowing changes are left out unless allowed, and a drop plus an add that
 * may be a rename is reported, not guessed.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class GenerateMojo extends AutogenMojo {

    /** Names the migration ({@code V5__add_owner_email.sql}); without it, the name sums up the operations. */
    @Parameter(property = "flyway-autogen.message")
    String message;

    /** Also writes drops and narrowing changes; {@code quarkus.flyway-autogen.allow-destructive} does the same. */
    @Parameter(property = "flyway-autogen.allow-destructive", defaultValue = "false")
    boolean allowDestructive;

    @Override
    void run(Run run) throws MojoFailureException {
        createMissingFolder(run.migrations());
        AutogenOptions options = run.settings().options()
                .withMessage(message == null ? "" : message)
                .withAllowDestructive(allowDestructive || run.settings().allowDestructive())
                .withWrite(true);
        report(run.engine().generate(run.entities(), run.migrations(), options), run.migrations());
        // the other databases follow: their copy of the change gets the datasource's newest version and name
        Optional<LeadMigration> lead = LeadMigration.newestIn(run.migrations());
        for (Map.Entry<String, Path> other : run.others().entrySet()) {
            createMissingFolder(other.getValue());
            AutogenOptions follow = lead.filter(l -> l.ahead(MigrationVersion.highestIn(other.getValue())))
                    .map(l -> l.follow(options)).orElse(options);
            report(run.settings().engine(other.getKey()).generate(run.entities(), other.getValue(), follow), other.getValue());
        }
    }

    private void report(AutogenResult result, Path migrations) {
        warn(result.warnings());
        if (result.written().isEmpty()) {
            getLog().info("Flyway autogenerate: no changes, the migrations in " + migrations + " match the entities"
                    + (result.skipped().isEmpty() ? "" : " except the destructive operations above"));
            return;
        }
        getLog().info("Flyway autogenerate: " + result.operations().size() + " operation(s), "
                + ChangeSummary.of(result.operations()) + ":\n  " + describe(result));
        for (Path written : result.written()) {
            getLog().info("Flyway autogenerate: wrote " + written.toAbsolutePath());
        }
    }

    /** A new application starts from no migrations at all: its first one creates every table. */
    private void createMissingFolder(Path migrations) throws MojoFailureException {
        if (Files.isDirectory(migrations)) {
            return;
        }
        try {
            Files.createDirectories(migrations);
            getLog().info("Flyway autogenerate: created the migrations folder " + migrations);
        } catch (IOException e) {
            throw new MojoFailureException("Flyway autogenerate: cannot create the migrations folder " + migrations
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    void noEntities(Path classes) throws MojoFailureException {
        throw new MojoFailureException("Flyway autogenerate: no @Entity classes in " + classes + ", nothing to generate");
    }
}
