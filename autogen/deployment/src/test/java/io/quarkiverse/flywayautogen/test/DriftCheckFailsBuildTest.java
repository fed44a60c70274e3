package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.deployment.MigrationDriftException;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * {@code quarkus.flyway-autogen.check=true}: a production build whose migrations lag behind the entities fails with
 * one exception that lists the operations and says how to generate them.
 */
class DriftCheckFailsBuildTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/drift-check.db"),
                    "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/drift").toAbsolutePath() + "\n"))
            .setApplicationName("drift-check")
            .setApplicationVersion("1")
            .setRun(false)
            .assertBuildException(failure -> {
                // the build runs in its own class loader: compare by name
                List<Throwable> drift = chain(failure).stream()
                        .filter(t -> t.getClass().getName().equals(MigrationDriftException.class.getName())).toList();
                assertEquals(1, drift.size(), "one drift exception in " + chain(failure));
                String message = drift.get(0).getMessage();
                assertTrue(message.contains("1 pending operation(s):\n  add column pets.nickname varchar(50) null"), message);
                assertTrue(message.contains("./mvnw flyway-autogen:generate"), message);
                // a finding, not a crash: Quarkus prints the build step's exception with its trace, and it has none
                assertEquals(0, drift.get(0).getStackTrace().length);
                String buildError = failure.getMessage();
                assertEquals(1, buildError.split("pending operation", -1).length - 1, buildError);
                assertTrue(!buildError.contains("\tat "), buildError);
            });

    @Test
    void buildFails() {
        // the assertion is in assertBuildException: the application is never packaged
    }

    static List<Throwable> chain(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = failure; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }
}
