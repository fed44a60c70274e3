package io.quarkiverse.flywayautogen.maven;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.cli.EntityScanner;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.render.VendorFolders;

/**
 * What both goals share: the project's compiled entities on its runtime class path, its settings, and the engine of
 * the extension, which turns its own Flyway and Hibernate logs down. Problems the user must fix (drift, two migrations with
 * one version, a missing setting) are {@link MojoFailureException}s with the engine's one-paragraph message.
 */
abstract class AutogenMojo extends AbstractMojo {

    /** How a warning's remedy reads for someone running the goals. */
    static final Warning.Remedies REMEDIES = new Warning.Remedies(
            "set " + ProjectSettings.PREFIX + "renames=%s in application.properties",
            ProjectSettings.PREFIX + "allow-destructive=true or -Dflyway-autogen.allow-destructive=true");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Skips the goal, e.g. {@code -Dflyway-autogen.skip} for a build that knows its migrations are in sync. */
    @Parameter(property = "flyway-autogen.skip", defaultValue = "false")
    boolean skip;

    /**
     * The entities, migrations folder and settings of one run, with the engine that compares them; {@code others}:
     * the other databases' folders by db-kind ({@code quarkus.flyway-autogen.vendors}), which follow the datasource's.
     */
    record Run(Autogenerate engine, EntitySet entities, Path migrations, ProjectSettings settings, Map<String, Path> others) {
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Flyway autogenerate: skipped (flyway-autogen.skip)");
            return;
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!Files.isDirectory(classes)) {
            throw new MojoFailureException("Flyway autogenerate: no compiled classes in " + classes
                    + "; run ./mvnw compile first (flyway-autogen:generate and flyway-autogen:check compile by themselves)");
        }
        ProjectSettings settings;
        Path migrations;
        try {
            settings = ProjectSettings.read(resourcesDir().resolve("application.properties"), userProperties(),
                    project.getProperties().getProperty("quarkus.profile", "prod"),
                    JdbcExtensions.of(project.getArtifacts()));
            migrations = settings.migrationsFolder(project.getBasedir().toPath(), resourcesDir());
        } catch (AutogenException e) {
            throw new MojoFailureException("Flyway autogenerate: " + e.getMessage(), e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        EntityScanner.Scan scan = scan(classes);
        try {
            // Hibernate and Flyway look up services and resources through the context class loader too
            thread.setContextClassLoader(scan.loader());
            if (scan.entities().isEmpty()) {
                noEntities(classes);
                return;
            }
            EntitySet entities = new EntitySet(scan.entities(), scan.loader(), settings.physicalNamingStrategy(),
                    settings.implicitNamingStrategy());
            // on by default when the project has Hibernate Validator, as its Hibernate applies the constraints
            entities = entities.withBeanValidationDdl(entities.beanValidationDdl() && settings.beanValidationDdl());
            Map<String, Path> others = new LinkedHashMap<>(VendorFolders.resolve(migrations, settings.dbKind(), settings.vendors()));
            others.remove(settings.dbKind().trim().toLowerCase(java.util.Locale.ROOT));
            try (GoalShadowServer shadow = GoalShadowServer.start(settings, getLog())) {
                run(new Run(shadow.engine(), entities, migrations, settings, others));
            }
        } catch (AutogenException e) {
            throw new MojoFailureException("Flyway autogenerate: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
            close(scan.loader());
        }
    }

    abstract void run(Run run) throws MojoFailureException;

    /** A project without entities has nothing to compare; whether that is an error depends on the goal. */
    abstract void noEntities(Path classes) throws MojoFailureException;

    private EntityScanner.Scan scan(Path classes) throws MojoExecutionException, MojoFailureException {
        try {
            List<Path> classpath = project.getRuntimeClasspathElements().stream().map(Path::of)
                    .filter(Files::exists).toList();
            return EntityScanner.scan(classpath.contains(classes) ? classpath
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of(classes), classpath.stream()).toList());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's runtime class path is not resolved", e);
        } catch (AutogenException e) {
            throw new MojoFailureException("Flyway autogenerate: " + e.getMessage(), e);
        }
    }

    private Path resourcesDir() {
        List<Resource> resources = project.getBuild().getResources();
        return resources.isEmpty() ? project.getBasedir().toPath().resolve("src/main/resources")
                : Path.of(resources.get(0).getDirectory());
    }

    /** {@code -D} on the command line, which win over application.properties as they do for Quarkus. */
    private Properties userProperties() {
        return session == null ? new Properties() : session.getUserProperties();
    }

    /** Each operation with its rollout verdict. */
    static String describe(io.quarkiverse.flywayautogen.core.AutogenResult result) {
        return String.join("\n  ", result.describedWithVerdicts());
    }

    static String describe(List<io.quarkiverse.flywayautogen.core.ops.Operation> operations) {
        return String.join("\n  ", operations.stream()
                .map(op -> (op.destructive() ? "[DESTRUCTIVE] " : "") + op.describe()).toList());
    }

    void warn(List<Warning> warnings) {
        warnings.forEach(w -> getLog().warn("Flyway autogenerate: " + w.advice(REMEDIES)));
    }

    private static void close(ClassLoader loader) {
        if (loader instanceof URLClassLoader urls) {
            try {
                urls.close();
            } catch (IOException e) {
                // the jars stay open until the build ends: nothing to report
            }
        }
    }
}
