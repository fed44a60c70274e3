package dev.flywayautogen.quarkus.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.flyway-autogen.check=true}: a build whose migrations lag behind the entities fails, listing them. */
class DriftCheckFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/drift-check.db"),
                    "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/drift").toAbsolutePath() + "\n"))
            .assertException(failure -> {
                String message = rootMessage(failure);
                assertTrue(message.contains("1 pending operation(s)"), message);
                assertTrue(message.contains("add column pets.nickname"), message);
            });

    @Test
    void buildFails() {
        // the assertion is in assertException: the application never starts
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
