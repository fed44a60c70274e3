package io.quarkiverse.flywayautogen.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The official PostgreSQL image's stand-in ({@code docker/test-stand-ins/postgres.sh}, as no image registry is
 * reachable on the team's machines), tagged {@code docker.io/library/postgres:15}, for tests whose build starts a
 * throwaway container: {@code @EnabledIf("io.quarkiverse.flywayautogen.test.PostgresStandIn#ready")}. Without a
 * container engine they are skipped, saying what to install; with {@code CI=true} that fails instead.
 */
public final class PostgresStandIn {

    public static final String IMAGE = "docker.io/library/postgres:15";
    private static final String SCRIPT = "docker/test-stand-ins/postgres.sh";
    private static final String INSTALL = "install Docker, or Podman with its Docker API socket and DOCKER_HOST pointing"
            + " at it (on the team's machines: eval \"$(bash shared/container-engine/setup.sh socket)\")";

    private PostgresStandIn() {
    }

    public static boolean ready() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if ((dockerHost == null || dockerHost.isBlank()) && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return skip("no container engine (DOCKER_HOST is not set, no /var/run/docker.sock): " + INSTALL);
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve(SCRIPT))) {
            root = root.getParent();
        }
        if (root == null) {
            return skip("no " + SCRIPT + " above " + Path.of("").toAbsolutePath());
        }
        ProcessBuilder build = new ProcessBuilder("bash", SCRIPT, IMAGE).directory(root.toFile()).redirectErrorStream(true);
        // the script looks for the engine's set-up beside the repository; a git worktree sits one level deeper
        for (Path dir = root.getParent(); dir != null && System.getenv("CONTAINER_ENGINE_SETUP") == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("shared/container-engine/setup.sh"))) {
                build.environment().put("CONTAINER_ENGINE_SETUP", dir.resolve("shared/container-engine/setup.sh").toString());
                break;
            }
        }
        try {
            Process process = build.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return skip(SCRIPT + " did not finish in 10 minutes");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 || skip("the PostgreSQL stand-in image could not be built ("
                    + output.lines().reduce((a, b) -> b).orElse("") + "): " + INSTALL);
        } catch (IOException e) {
            return skip("cannot run " + SCRIPT + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return skip("interrupted");
        }
    }

    private static boolean skip(String why) {
        if (Boolean.parseBoolean(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true, and the tests on a throwaway PostgreSQL container cannot run: " + why);
        }
        System.err.println("skipped: " + why);
        return false;
    }
}
