package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/** Two migrations with one version (a merge of two branches): the build-time check names both files. */
class DuplicateVersionsFailBuildTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/duplicates-check.db"),
                    "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/duplicates").toAbsolutePath() + "\n"))
            .setApplicationName("duplicates-check")
            .setApplicationVersion("1")
            .setRun(false)
            .assertBuildException(failure -> {
                String messages = DriftCheckFailsBuildTest.chain(failure).stream().map(Throwable::getMessage)
                        .collect(Collectors.joining("\n"));
                assertTrue(messages.contains("have the same version (version 2: V2__create_index_ix_pets_name.sql and"
                        + " V2__create_index_ix_pets_nickname.sql)"), messages);
                assertTrue(!messages.contains("FlywayException") && !messages.contains("Found more than one migration"), messages);
                assertTrue(!failure.getMessage().contains("\tat "), failure.getMessage());
            });

    @Test
    void buildFails() {
        // the assertion is in assertBuildException: the application is never packaged
    }
}
