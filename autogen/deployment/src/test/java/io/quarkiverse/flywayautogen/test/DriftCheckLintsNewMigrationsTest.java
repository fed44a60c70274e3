package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.deployment.MigrationCheckException;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The drift check's rollout lint: migrations in sync with the entities, but the newest drops a column the previous
 * release still maps, and does not acknowledge it: the production build fails naming the rule and the script.
 */
class DriftCheckLintsNewMigrationsTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/rollout-lint.db"),
                    "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/rollout-drop").toAbsolutePath() + "\n"))
            .setApplicationName("rollout-lint")
            .setApplicationVersion("1")
            .setRun(false)
            .assertBuildException(failure -> {
                List<Throwable> lint = DriftCheckFailsBuildTest.chain(failure).stream()
                        .filter(t -> t.getClass().getName().equals(MigrationCheckException.class.getName())).toList();
                assertEquals(1, lint.size(), "one check exception in " + DriftCheckFailsBuildTest.chain(failure));
                String message = lint.get(0).getMessage();
                assertTrue(message.contains("V2__drop_legacy_code.sql: drop-mapped-column: drops pets.legacy_code"), message);
                assertTrue(message.contains("-- flyway-autogen:allow <rule> \"<reason>\""), message);
            });

    @Test
    void buildFails() {
        // the assertion is in assertBuildException: the application is never packaged
    }
}
