package dev.petmanager.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine runs on the machines that build this: what can be checked of docker/compose.yaml and the
 * balancer's nginx.conf without one is checked here, as compose reads them (YAML with merge keys): which services
 * each profile starts, that every service has a healthcheck, that the replicas reach the database service with its
 * own credentials and wait for it to be healthy, and that the balancer sends to exactly the replicas it waits for.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("..", "docker");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void eachProfileStartsItsVariantAndEveryServiceIsHealthChecked() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Set<String> sqlite = new TreeSet<>();
        Set<String> postgresql = new TreeSet<>();
        services.forEach((name, service) -> {
            List<?> profiles = (List<?>) service.get("profiles");
            assertNotNull(profiles, name + " belongs to no profile, so it would start with either variant");
            (profiles.contains("sqlite") ? sqlite : postgresql).add(name);
            assertNotNull(service.get("healthcheck"), name + " has no healthcheck");
            assertTrue(service.containsKey("image"), name + " names no image");
        });
        assertEquals(Set.of("pet-manager"), sqlite);
        assertEquals(Set.of("balancer", "pet-manager-1", "pet-manager-2", "postgres"), postgresql);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReplicasUseTheDatabaseServiceWithItsCredentialsOnceItIsHealthy() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> database = (Map<String, Object>) services.get("postgres").get("environment");
        for (String replica : List.of("pet-manager-1", "pet-manager-2")) {
            Map<String, Object> service = services.get(replica);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertEquals("jdbc:postgresql://postgres:5432/" + database.get("POSTGRES_DB"), env.get("QUARKUS_DATASOURCE_JDBC_URL"), replica);
            assertEquals(database.get("POSTGRES_USER"), env.get("QUARKUS_DATASOURCE_USERNAME"), replica);
            assertEquals(database.get("POSTGRES_PASSWORD"), env.get("QUARKUS_DATASOURCE_PASSWORD"), replica);
            Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
            assertEquals(Map.of("condition", "service_healthy"), dependsOn.get("postgres"), replica);
            assertEquals("pet-manager:native-postgresql", service.get("image"), replica);
            assertTrue(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test"))
                    .contains("http://localhost:9000/q/health/ready"), replica + ": readiness (database and migrations) is on the"
                    + " management port");
        }
        assertTrue(((List<?>) services.get("postgres").get("volumes")).contains("postgres-data:/var/lib/postgresql/data"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheApiIsPublishedAndHealthIsCheckedOnTheManagementPort() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : List.of("pet-manager", "pet-manager-1", "pet-manager-2")) {
            Map<String, Object> service = services.get(name);
            List<?> ports = (List<?>) service.getOrDefault("ports", List.of());
            assertTrue(ports.stream().allMatch(p -> String.valueOf(p).endsWith(":8080")), name + " publishes " + ports);
            assertEquals(List.of("CMD", "curl", "-fsS", "http://localhost:9000/q/health/ready"),
                    ((Map<String, Object>) service.get("healthcheck")).get("test"), name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBalancerSendsToExactlyTheReplicasItWaitsFor() throws IOException {
        Map<String, Object> balancer = services().get("balancer");
        Set<String> awaited = ((Map<String, Object>) balancer.get("depends_on")).keySet();
        assertEquals(Set.of("pet-manager-1", "pet-manager-2"), awaited);
        assertTrue(((List<?>) balancer.get("volumes")).contains("./nginx.conf:/etc/nginx/nginx.conf:ro"));
        assertEquals(List.of("${PET_MANAGER_PORT:-8080}:8080"), balancer.get("ports"), "port 8080 unless PET_MANAGER_PORT says");

        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        Set<String> upstream = new TreeSet<>();
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+):(\\d+)").matcher(nginx);
        while (server.find()) {
            assertEquals("8080", server.group(2), "the replicas listen on 8080");
            upstream.add(server.group(1));
        }
        assertEquals(awaited, upstream);
        assertTrue(nginx.contains("listen 8080;") && nginx.contains("location = /balancer-health"), nginx);
        assertTrue(String.valueOf(((Map<String, Object>) balancer.get("healthcheck")).get("test")).contains("/balancer-health"));
        assertTrue(!nginx.contains("non_idempotent"), "a POST must never be sent to a second replica");
    }
}
