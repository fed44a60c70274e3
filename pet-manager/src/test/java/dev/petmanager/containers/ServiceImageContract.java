package dev.petmanager.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * What a user's container of the service must do, checked on a real engine for one image variant: it starts as
 * non-root, migrates a new volume and serves; it upgrades a volume an older release wrote; a restart and a SIGTERM
 * under write load lose no acknowledged write; it runs with a read-only root under its memory limit through the
 * benchmark's request mix; the healthcheck docker/compose.yaml declares passes inside it. The first tests share one
 * container and volume, in order (start, healthcheck, restart, SIGTERM), as a user's container lives.
 * Figures (image size, start to first 200, RSS under load) are printed on lines starting with their name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ServiceImageContract {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final Pattern APPLIED = Pattern.compile("(?m)^petmanager_migrations_applied(?:\\{[^}]*})?\\s+([0-9.]+)");
    /** The migrations the SQLite build carries: a new volume gets all of them, one left at V3 all but three. */
    private static final int MIGRATIONS = migrationCount();

    private final ImageVariant variant;
    private ContainerFixture fixture;
    private String volume;
    private String container;
    private Http http;
    private Http management;
    private final Map<Long, String> written = new java.util.concurrent.ConcurrentHashMap<>();

    ServiceImageContract(ImageVariant variant) {
        this.variant = variant;
    }

    @BeforeAll
    void buildImage() {
        Engine.assumeRunning();
        Path artifact = Engine.REPOSITORY.resolve(variant.artifact());
        assertTrue(Files.exists(artifact), "no " + artifact + ": build it first with " + variant.buildCommand());
        fixture = new ContainerFixture(variant);
        fixture.build();
    }

    @AfterAll
    void removeWhatThisRunCreated() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void startsAsNonRootMigratesItsNewVolumeAndServesTheApi() throws IOException {
        volume = fixture.volume("data");
        container = fixture.create("main", volume, List.of());
        long start = System.nanoTime();
        http = fixture.start(container);
        management = fixture.management(container);
        Duration firstOk = http.awaitOk("/", READY);
        System.out.printf("START %s start to first 200: %d ms (podman start, then GET / every 20 ms; load average %s)%n",
                variant.name(), Duration.ofNanos(System.nanoTime() - start).toMillis(), loadAverage());
        assertTrue(firstOk.compareTo(READY) < 0);

        String uid = fixture.processStatus(container).get("Uid").split("\\s+")[0];
        assertNotEquals("0", uid, "the service runs as root");
        assertEquals(MIGRATIONS, migrationsAppliedAtStart(management), "a new volume gets every migration at the first start");
        Http.Response ready = management.get("/q/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().replace(" ", "").contains("\"current\":\"" + MIGRATIONS + "\""), ready.body());
        assertEquals(404, http.get("/q/health/ready").status(), "health on the API's port");
        assertEquals(404, http.get("/q/metrics").status(), "metrics on the API's port");
        Path database = Path.of(fixture.volumeFolder(volume), "pet-manager.db");
        assertTrue(Files.size(database) > 0, "the database is in the volume: " + database);

        Http.Response created = http.createUser("First", "first@" + variant.name() + ".example");
        assertEquals(201, created.status(), created.body());
        written.put(created.id(), "first@" + variant.name() + ".example");
        assertEquals(200, http.get("/users/" + created.id()).status());
    }

    @Test
    @Order(2)
    void theHealthcheckComposeDeclaresPassesInsideTheImage() throws IOException {
        List<String> check = composeHealthcheck();
        assertEquals("CMD", check.get(0), "an exec-form check runs in the image itself: " + check);
        List<String> command = check.subList(1, check.size());
        Podman.Result result = Podman.run(ContainerFixture.SHORT,
                concat(List.of("exec", container), command));
        assertTrue(result.ok(), "the compose healthcheck fails inside the image: " + result.refusal());
        System.out.println("HEALTHCHECK " + variant.name() + " " + String.join(" ", command) + " -> " + result.out().strip());
    }

    @Test
    @Order(3)
    void aRestartKeepsEveryRowAndMigratesNothingAgain() {
        for (int i = 0; i < 50; i++) {
            String email = "restart-" + i + "@" + variant.name() + ".example";
            Http.Response created = http.createUser("Restart " + i, email);
            assertEquals(201, created.status(), created.body());
            written.put(created.id(), email);
        }
        Podman.ok(Duration.ofSeconds(30), "stop", "-t", "10", container);
        http = fixture.start(container);
        management = fixture.management(container);
        management.awaitOk("/q/health/ready", READY);
        assertEquals(0.0, migrationsAppliedAtStart(management), "the volume already holds every migration");
        assertAllStored(http, written);
    }

    @Test
    @Order(4)
    void sigtermUnderWriteLoadEndsWithinTenSecondsAndKeepsEveryAcknowledgedWrite() {
        Map<Long, String> acknowledged;
        Duration stopping;
        String exit;
        try (WriteLoad load = new WriteLoad(http, "sigterm-" + variant.name(), 8, 20_000, Duration.ofSeconds(60))) {
            load.awaitAcknowledged(200, Duration.ofSeconds(30));
            long start = System.nanoTime();
            Podman.ok(ContainerFixture.SHORT, "kill", "--signal", "TERM", container);
            Podman.Result waited = Podman.run(Duration.ofSeconds(30), "wait", container);
            stopping = Duration.ofNanos(System.nanoTime() - start);
            exit = waited.out().strip();
            load.close();
            acknowledged = load.acknowledged();
            System.out.printf("SIGTERM %s under load of 8 writers: exited %s after %d ms; %d writes acknowledged, %d refused"
                    + " or cut%n", variant.name(), exit, stopping.toMillis(), acknowledged.size(), load.failed());
        }
        assertTrue(stopping.compareTo(Duration.ofSeconds(10)) <= 0, "SIGTERM took " + stopping + "\n" + fixture.logs(container));
        assertNotEquals("137", exit, "killed, not stopped:\n" + fixture.logs(container));
        assertTrue(acknowledged.size() >= 200, "the load was not running: " + acknowledged.size());
        http = fixture.start(container);
        fixture.management(container).awaitOk("/q/health/ready", READY);
        written.putAll(acknowledged);
        assertAllStored(http, written);
        fixture.remove(container);
    }

    @Test
    @Order(5)
    void upgradesAVolumeAnOlderReleaseLeftAtV3KeepingItsRows() throws IOException, SQLException {
        Path older = Files.createTempDirectory("older-release");
        try {
            Map<Long, String> rows = OlderRelease.database(older.resolve("pet-manager.db"), "3", 20);
            String oldVolume = fixture.volume("v3");
            // copied in by the image itself, as root, into the folder the volume got from the image at its first
            // mount (owned by the image's user), and handed to that user
            Podman.ok(Duration.ofSeconds(60), "run", "--rm", "--label", fixture.label, "--user", "0", "--entrypoint",
                    "/bin/sh", "-v", oldVolume + ":" + variant.dataDir(), "-v", older + ":/older:ro", fixture.image, "-c",
                    "cp /older/pet-manager.db " + variant.dataDir() + "/ && chown -R $(stat -c %u:%g " + variant.dataDir()
                            + ") " + variant.dataDir() + "/pet-manager.db");
            String upgraded = fixture.create("upgraded", oldVolume, List.of());
            Http service = fixture.start(upgraded);
            Http serviceManagement = fixture.management(upgraded);
            serviceManagement.awaitOk("/q/health/ready", READY);
            assertEquals(MIGRATIONS - 3, migrationsAppliedAtStart(serviceManagement), "V4 and later only:\n"
                    + fixture.logs(upgraded));
            assertAllStored(service, rows);
            Http.Response pets = service.get("/pets?page=0&size=100");
            assertEquals(200, pets.status(), pets.body());
            assertEquals(rows.size(), pets.totalItems(), "pets rebuilt by V4 keep their rows");
            assertTrue(pets.body().contains("2020-02-29"), pets.body());
            fixture.remove(upgraded);
        } finally {
            try (var files = Files.walk(older)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(6)
    void servesTheBenchmarkMixReadOnlyUnderItsMemoryLimit() {
        String limited = fixture.create("limited", fixture.volume("limited"), List.of("--read-only", "--tmpfs",
                "/tmp:rw,size=64m", "--memory", variant.memoryLimit(), "--memory-swap", variant.memoryLimit()));
        Http service = fixture.start(limited);
        Http limitedManagement = fixture.management(limited);
        limitedManagement.awaitOk("/q/health/ready", READY);
        BenchLoad.seed(service, "bench", 50, 500);
        Duration perMode = Duration.ofSeconds(8);
        Map<String, BenchLoad.Outcome> outcomes = BenchLoad.run(service, 16, perMode, 40_000, 50, 500);
        Map<String, String> status = fixture.processStatus(limited);
        String state = fixture.inspect(limited, "{{.State.Running}} {{.State.OOMKilled}}");
        String usage = Podman.ok(ContainerFixture.SHORT, "stats", "--no-stream", "--format", "{{.MemUsage}}", limited);
        outcomes.values().forEach(o -> System.out.printf("LOAD %s %s: %d requests, %.0f/s, %d 2xx, %d other, %d failed%n",
                variant.name(), o.mode(), o.requests(), o.perSecond(perMode), o.successes(), o.otherStatuses(),
                o.connectionFailures()));
        System.out.printf("RSS %s under --memory %s, read-only root: VmHWM %s, VmRSS %s after the load; cgroup %s;"
                + " load average %s%n", variant.name(), variant.memoryLimit(), status.get("VmHWM"), status.get("VmRSS"),
                usage, loadAverage());
        assertEquals("true false", state, "running, not OOM-killed:\n" + fixture.logs(limited));
        outcomes.values().forEach(o -> {
            assertTrue(o.successes() > 0, o.toString());
            assertEquals(0, o.otherStatuses() + o.connectionFailures(), o.toString());
        });
        assertEquals(200, limitedManagement.get("/q/health/ready").status());
        fixture.remove(limited);
    }

    /** What the native test adds: the shared libraries the executable needs, all present in the image. */
    void assertSharedLibrariesPresent(String executable) {
        String ldd = Podman.ok(ContainerFixture.SHORT, "run", "--rm", "--label", fixture.label, "--entrypoint", "ldd",
                fixture.image, executable);
        System.out.println("LDD " + variant.name() + "\n" + ldd);
        assertTrue(!ldd.contains("not found"), "a shared library the executable needs is missing from the image:\n" + ldd);
        assertTrue(ldd.contains("libc.so.6 =>"), "ldd found no libc in the image:\n" + ldd);
    }

    private static int migrationCount() {
        try (var files = Files.list(Engine.REPOSITORY.resolve("pet-manager/src/main/resources/db/migration/sqlite"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** From the management interface's /q/metrics. */
    private static double migrationsAppliedAtStart(Http management) {
        Http.Response metrics = management.get("/q/metrics");
        assertEquals(200, metrics.status(), metrics.body());
        Matcher m = APPLIED.matcher(metrics.body());
        assertTrue(m.find(), "no petmanager_migrations_applied in /q/metrics");
        return Double.parseDouble(m.group(1));
    }

    private static void assertAllStored(Http http, Map<Long, String> rows) {
        for (Map.Entry<Long, String> row : rows.entrySet()) {
            Http.Response stored = http.get("/users/" + row.getKey());
            assertEquals(200, stored.status(), "user " + row.getKey() + " lost: " + stored.body());
            assertTrue(stored.body().contains(row.getValue()), stored.body());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> composeHealthcheck() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Engine.REPOSITORY.resolve("docker/compose.yaml")));
        Map<String, Object> service = ((Map<String, Map<String, Object>>) compose.get("services")).get("pet-manager");
        return (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
    }

    /** The host's load average: on a shared machine, figures mean little without it. */
    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    ContainerFixture fixture() {
        return fixture;
    }
}
