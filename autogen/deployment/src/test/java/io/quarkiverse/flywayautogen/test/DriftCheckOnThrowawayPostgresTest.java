package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.deployment.MigrationDriftException;
import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkiverse.flywayautogen.test.app.PetResource;
import io.quarkiverse.flywayautogen.testsupport.ContainerTestEngine;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A production build with the check on, of a PostgreSQL application whose database Dev Services would start (no
 * datasource URL) and no shadow URL: the check replays the migrations in a throwaway container of the datasource's
 * Dev Services image, finds the drift there, and removes the container.
 */
@EnabledIf("io.quarkiverse.flywayautogen.testsupport.ContainerTestEngine#postgresStandInReady")
class DriftCheckOnThrowawayPostgresTest {

    private static final String OWNER_LABEL = "io.quarkiverse.flywayautogen.throwaway-server";

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Pet.class, PetResource.class)
                    .addAsResource(new StringAsset("quarkus.datasource.db-kind=postgresql\n"
                            // as the other prod-mode tests name theirs: the driver extension is not the application's
                            + "quarkus.datasource.jdbc.driver=org.postgresql.Driver\n"
                            + "quarkus.datasource.devservices.image-name=" + ContainerTestEngine.POSTGRES_IMAGE + "\n"
                            + "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/drift").toAbsolutePath() + "\n"),
                            "application.properties"))
            .setApplicationName("drift-check-throwaway-postgres")
            .setApplicationVersion("1")
            .setRun(false)
            .assertBuildException(failure -> {
                List<Throwable> drift = DriftCheckFailsBuildTest.chain(failure).stream()
                        .filter(t -> t.getClass().getName().equals(MigrationDriftException.class.getName())).toList();
                assertEquals(1, drift.size(), "one drift exception in " + DriftCheckFailsBuildTest.chain(failure));
                String message = drift.get(0).getMessage();
                assertTrue(message.contains("add column pets.nickname varchar(50) null"), message);
            });

    @Test
    void driftIsFoundOnAThrowawayContainerThatIsGoneAfterTheBuild() {
        // the build ran in this JVM: no container of this process may be left
        List<String> left = ContainerTestEngine.containers(
                "label=" + OWNER_LABEL + "=" + ownerPrefix() + ProcessHandle.current().pid());
        ContainerTestEngine.remove(left);
        assertEquals(List.of(), left, "throwaway containers left (removed now)");
    }

    private static String ownerPrefix() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + " ";
        } catch (java.net.UnknownHostException e) {
            return "localhost ";
        }
    }
}
