package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.bootstrap.model.ApplicationModel;
import io.quarkus.bootstrap.resolver.BootstrapAppModelResolver;
import io.quarkus.bootstrap.resolver.maven.MavenArtifactResolver;
import io.quarkus.maven.dependency.ArtifactCoords;
import io.quarkus.maven.dependency.ArtifactDependency;
import io.quarkus.maven.dependency.ResolvedDependency;

/**
 * What an application that depends on {@code flyway-autogen} gets, as Quarkus' own bootstrap resolves it: the engine
 * only on the build (deployment) class path, never on the application's. (Inside this module the engine is a direct
 * dependency, so the test harness of {@link ProdBuildCarriesNoEngineTest} cannot tell; a real application can.)
 */
class RuntimeArtifactLeavesEngineAtBuildTimeTest {

    private static final String GROUP = "io.quarkiverse.flywayautogen";
    private static final String VERSION = "999-SNAPSHOT";

    @Test
    void engineAndDeploymentAreBuildTimeOnly() throws Exception {
        MavenArtifactResolver maven = MavenArtifactResolver.builder().setWorkspaceDiscovery(true).build();
        // an "application" (any plain jar will do) whose one dependency is the extension, as in a user's pom
        ApplicationModel app = new BootstrapAppModelResolver(maven).resolveModel(
                ArtifactCoords.jar(GROUP, "quarkus-flyway-autogen-annotations", VERSION),
                List.of(new ArtifactDependency(ArtifactCoords.jar(GROUP, "quarkus-flyway-autogen", VERSION), "compile")));

        List<String> runtime = app.getDependencies().stream().filter(ResolvedDependency::isRuntimeCp)
                .map(ResolvedDependency::getArtifactId).filter(a -> a.startsWith("quarkus-flyway-autogen"))
                .sorted().collect(Collectors.toList());
        assertEquals(List.of("quarkus-flyway-autogen", "quarkus-flyway-autogen-annotations"), runtime);

        List<String> buildOnly = app.getDependencies().stream()
                .filter(d -> d.isDeploymentCp() && !d.isRuntimeCp())
                .map(ResolvedDependency::getArtifactId).collect(Collectors.toList());
        assertTrue(buildOnly.contains("quarkus-flyway-autogen-core"), buildOnly.toString());
        assertTrue(buildOnly.contains("quarkus-flyway-autogen-deployment"), buildOnly.toString());
    }
}
