package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/** The same drop as {@link DriftCheckLintsNewMigrationsTest}, acknowledged in its script with a reason: the build passes. */
class DriftCheckAcceptsAcknowledgedStepTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/rollout-lint-allowed.db"),
                    "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/rollout-drop-allowed").toAbsolutePath() + "\n"))
            .setApplicationName("rollout-lint-allowed")
            .setApplicationVersion("1")
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void buildSucceeds() {
        assertTrue(Files.exists(results.getBuildDir().resolve("quarkus-app/quarkus-run.jar")));
    }
}
