package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A production build of an application using the extension carries nothing of the generator: no deployment classes,
 * no generated beans, no Dev UI; of the runtime module only Flyway's session-level lock. The engine jar is checked by {@link RuntimeArtifactLeavesEngineAtBuildTimeTest}.
 */
class ProdBuildCarriesNoEngineTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/prod-build.db"), ""))
            .setApplicationName("prod-build")
            .setApplicationVersion("1")
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void productionJarHasNoAutogenClassesBeansOrEndpoints() throws IOException {
        Path quarkusApp = results.getBuildDir().resolve("quarkus-app");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).collect(Collectors.toList())) {
                String name = jar.getFileName().toString();
                if (name.contains("flyway-autogen-deployment")) {
                    offending.add(name);
                }
                if (name.contains("flyway-autogen-core")) {
                    // a direct dependency of this test module, so the harness packages it; an application does
                    // not get it (RuntimeArtifactLeavesEngineAtBuildTimeTest)
                    continue;
                }
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().map(e -> e.getName())
                            .filter(e -> e.startsWith("io/quarkiverse/flywayautogen/") && !allowedAtRuntime(e))
                            .forEach(e -> offending.add(name + "!" + e));
                }
            }
        }
        assertEquals(List.of(), offending);
        assertTrue(Files.exists(quarkusApp.resolve("quarkus-run.jar")));
    }

    /**
     * The rename annotation, and Flyway's session-level lock (a customizer of a few lines that a PostgreSQL
     * application's own migrations need at run time; no engine): the configuration is build-time only and lives in
     * the deployment module.
     */
    private static boolean allowedAtRuntime(String entry) {
        return entry.equals("io/quarkiverse/flywayautogen/RenamedFrom.class")
                || entry.startsWith("io/quarkiverse/flywayautogen/runtime/FlywaySessionLock")
                || entry.startsWith("io/quarkiverse/flywayautogen/test/")
                || !entry.endsWith(".class");
    }
}
