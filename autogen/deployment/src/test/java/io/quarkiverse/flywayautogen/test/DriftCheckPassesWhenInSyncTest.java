package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * With the check on and migrations that match the entities, the production build succeeds, and its replay of the
 * migrations adds no Flyway or Hibernate INFO line to the build's output.
 */
class DriftCheckPassesWhenInSyncTest {

    /** Logs "Quarkus augmentation completed" at INFO: proves that the build's records are captured at all. */
    private static final String AUGMENTOR = "io.quarkus.deployment.QuarkusAugmentor";

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/in-sync-check.db"),
                    "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/v1").toAbsolutePath() + "\n"))
            .setApplicationName("in-sync-check")
            .setApplicationVersion("1")
            .setRun(false)
            .setLogRecordPredicate(r -> r.getLoggerName() != null && (r.getLoggerName().startsWith("org.flywaydb")
                    || r.getLoggerName().startsWith("org.hibernate") || r.getLoggerName().equals(AUGMENTOR)));

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void buildSucceedsWithoutTheReplaysLogLines() {
        assertTrue(Files.exists(results.getBuildDir().resolve("quarkus-app/quarkus-run.jar")));
        List<LogRecord> info = results.getRetainedBuildLogRecords().stream()
                .filter(r -> r.getLevel().intValue() == Level.INFO.intValue()).toList();
        assertTrue(info.stream().anyMatch(r -> r.getLoggerName().equals(AUGMENTOR)), "build log not captured");
        assertEquals(List.of(), info.stream().filter(r -> !r.getLoggerName().equals(AUGMENTOR))
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }
}
