package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.deployment.MigrationDriftException;
import io.quarkiverse.flywayautogen.test.fkindex.Cage;
import io.quarkiverse.flywayautogen.test.fkindex.Keeper;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * {@code quarkus.flyway-autogen.index-foreign-keys=true} reaches the engine: migrations that match the entities
 * exactly as Hibernate declares them (one foreign key, no index) fail the drift check with the one index missing.
 */
class DriftCheckReportsUnindexedForeignKeyTest {

    static final Path MIGRATIONS = Path.of("src/test/resources/migrations/fkindex");

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Keeper.class, Cage.class)
                    .addAsResource(MIGRATIONS.resolve("V1__create_keepers_and_cages.sql").toFile(),
                            "db/migration/V1__create_keepers_and_cages.sql")
                    .addAsResource(new StringAsset(TestApp.properties(Path.of("target/fk-index-check.db"))
                            + "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.index-foreign-keys=true\n"
                            + "quarkus.flyway-autogen.migrations-location=" + MIGRATIONS.toAbsolutePath() + "\n"),
                            "application.properties"))
            .setApplicationName("fk-index-check")
            .setApplicationVersion("1")
            .setRun(false)
            .assertBuildException(failure -> {
                List<Throwable> drift = DriftCheckFailsBuildTest.chain(failure).stream()
                        .filter(t -> t.getClass().getName().equals(MigrationDriftException.class.getName())).toList();
                assertEquals(1, drift.size(), "one drift exception in " + DriftCheckFailsBuildTest.chain(failure));
                String message = drift.get(0).getMessage();
                assertTrue(message.contains("1 pending operation(s):\n  create index ix_cages_keeper_id on cages(keeper_id)"),
                        message);
            });

    @Test
    void buildFailsOnTheMissingIndex() {
        // the assertion is in assertBuildException: the application is never packaged
    }
}
