package io.quarkiverse.flywayautogen.core.postgresql;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Ports;
import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.scenarios.nochange.after.Pet;
import io.quarkiverse.flywayautogen.testsupport.ContainerTestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shadow server of a project whose database Dev Services would start: a PostgreSQL container of the configured
 * image, started for the comparison and removed after it, on the official image's stand-in.
 */
class ThrowawayServerTest {

    static final String IMAGE = ContainerTestEngine.POSTGRES_IMAGE;

    @BeforeAll
    static void standIn() {
        ContainerTestEngine.postgresStandIn(IMAGE);
    }

    @Test
    void migrationsAreGeneratedAndCheckedOnAThrowawayServerThatIsGoneAfterwards(@TempDir Path migrations) {
        String id;
        try (ThrowawayServer throwaway = ThrowawayServer.start(IMAGE, "or set a shadow server")) {
            id = throwaway.containerId();
            assertTrue(throwaway.server().adminUrl().startsWith("jdbc:postgresql://127.0.0.1:"), throwaway.server().adminUrl());
            Map<String, List<Ports.Binding>> published = inspectPorts(id);
            assertEquals("127.0.0.1", published.get("5432/tcp").get(0).getHostIp(), published.toString());

            Autogenerate engine = new Autogenerate(new PostgresDialect(throwaway.server()));
            EntitySet entities = EntitySet.snakeCase(List.of(Pet.class), Pet.class.getClassLoader());
            AutogenResult generated = engine.generate(entities, migrations, AutogenOptions.defaults().withWrite(true));
            assertEquals(1, generated.written().size(), generated.toString());
            assertTrue(Files.exists(migrations.resolve(generated.script().orElseThrow().fileName())));
            assertTrue(engine.check(entities, migrations, AutogenOptions.defaults()).inSync());
        }
        assertTrue(containersWithId(id).isEmpty(), "container " + id + " was not removed");
    }

    @Test
    void aContainerLeftByAKilledRunIsRemovedByTheNextStart() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        assertTrue(dead.waitFor(1, TimeUnit.MINUTES), "`true` did not end within a minute");
        DockerClient client = ContainerEngine.find("").client();
        String leftover = client.createContainerCmd(IMAGE)
                .withLabels(Map.of(ThrowawayServer.OWNER_LABEL, LeftoverContainers.owner().replaceAll("\\d+$", "") + dead.pid()))
                .withName(ContainerTestEngine.uniqueName("leftover")).exec().getId();
        String alive = client.createContainerCmd(IMAGE)
                .withLabels(Map.of(ThrowawayServer.OWNER_LABEL, LeftoverContainers.owner()))
                .withName(ContainerTestEngine.uniqueName("alive")).exec().getId();
        try (ThrowawayServer throwaway = ThrowawayServer.start(IMAGE, "or set a shadow server")) {
            assertTrue(containersWithId(leftover).isEmpty(), "the dead run's container is still there");
            assertEquals(1, containersWithId(alive).size(), "a running process' container was removed");
        } finally {
            client.removeContainerCmd(alive).withForce(true).exec();
        }
    }

    @Test
    void anImageTheEngineCannotHaveFailsNamingItAndLeavesNoContainer() {
        String image = "localhost:1/flyway-autogen-no-such-image:0";
        NoContainerEngineException e = assertThrows(NoContainerEngineException.class,
                () -> ThrowawayServer.start(image, "or set -Dflyway-autogen.shadow-url").close());
        assertTrue(e.getMessage().contains(image) && e.getMessage().endsWith("or set -Dflyway-autogen.shadow-url"),
                e.getMessage());
        assertTrue(ContainerEngine.find("").client().listContainersCmd().withShowAll(true)
                .withAncestorFilter(List.of(image)).exec().isEmpty());
    }

    private static List<Container> containersWithId(String id) {
        return ContainerEngine.find("").client().listContainersCmd().withShowAll(true)
                .withIdFilter(List.of(id)).exec();
    }

    private static Map<String, List<Ports.Binding>> inspectPorts(String id) {
        Map<String, List<Ports.Binding>> ports = new java.util.TreeMap<>();
        ContainerEngine.find("").client().inspectContainerCmd(id).exec().getHostConfig().getPortBindings()
                .getBindings().forEach((port, bindings) -> ports.put(port.toString(), List.of(bindings)));
        return ports;
    }
}
