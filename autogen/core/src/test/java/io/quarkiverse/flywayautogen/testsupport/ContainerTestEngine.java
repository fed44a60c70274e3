package io.quarkiverse.flywayautogen.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;

/**
 * The one container-engine fixture of every autogen module's tests (shared through core's test-jar): whether an
 * engine answers ({@link Prerequisite#CONTAINER_ENGINE}, skipped or failed under {@code CI=true} as every
 * prerequisite is), the official PostgreSQL image's stand-in built by {@code docker/test-stand-ins/postgres.sh} (no
 * image registry is reachable on the team's machines), names no other test or helper uses, and removal of what a
 * test created (Testcontainers' Ryuk, which would reap it, cannot run here). Every command has a deadline.
 */
public final class ContainerTestEngine {

    /** The image Dev Services and the throwaway server start by default, as the stand-in tags it. */
    public static final String POSTGRES_IMAGE = "docker.io/library/postgres:15";

    private static final String STAND_IN_SCRIPT = "docker/test-stand-ins/postgres.sh";
    private static final String SETUP_SCRIPT = "shared/container-engine/setup.sh";
    private static final Duration BUILD_DEADLINE = Duration.ofMinutes(10);
    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(2);
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Per tag: empty once built, else why it could not be (built at most once per test JVM). */
    private static final Map<String, Optional<String>> BUILT = new ConcurrentHashMap<>();

    private ContainerTestEngine() {
    }

    /** For {@code @EnabledIf}: whether an engine answers; the one skip line when not, a failure under CI=true. */
    public static boolean answers() {
        return Prerequisites.present(Prerequisite.CONTAINER_ENGINE);
    }

    /** Inside a test or its set-up: skips it (fails it under CI=true) without an engine. */
    public static void assumeAnswers() {
        Prerequisites.assume(Prerequisite.CONTAINER_ENGINE);
    }

    /**
     * The PostgreSQL stand-in, tagged {@code tag} (built on first use, a minute or two; later only tagged); returns
     * {@code tag}. Skips the test, saying why, when there is no engine or the image cannot be built; fails it under
     * CI=true.
     */
    public static String postgresStandIn(String tag) {
        assumeAnswers();
        String failure = standInFailure(tag);
        if (failure != null) {
            String line = "SKIPPED: the PostgreSQL stand-in image " + tag + " cannot be built: " + failure;
            if (Prerequisites.strict()) {
                throw new AssertionError("CI=true and " + line);
            }
            System.out.println(line);
            Assumptions.abort(line);
        }
        return tag;
    }

    /**
     * For {@code @EnabledIf("io.quarkiverse.flywayautogen.testsupport.ContainerTestEngine#postgresStandInReady")}: an
     * engine answers and the stand-in is tagged {@link #POSTGRES_IMAGE}; the skip line when not, a failure under
     * CI=true.
     */
    public static boolean postgresStandInReady() {
        if (!answers()) {
            return false;
        }
        String failure = standInFailure(POSTGRES_IMAGE);
        if (failure == null) {
            return true;
        }
        String line = "SKIPPED: the PostgreSQL stand-in image " + POSTGRES_IMAGE + " cannot be built: " + failure;
        if (Prerequisites.strict()) {
            throw new AssertionError("CI=true and " + line);
        }
        System.out.println(line);
        return false;
    }

    /**
     * A container (or image, or label) name no other test, test JVM or helper on this machine uses:
     * {@code flyway-autogen-test-PURPOSE-PID-N}.
     */
    public static String uniqueName(String purpose) {
        return "flyway-autogen-test-" + purpose + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /** IDs of the containers, running or not, that match all {@code filters} ({@code label=k=v}, {@code name=...}). */
    public static List<String> containers(String... filters) {
        List<String> command = new ArrayList<>(List.of("ps", "-a", "-q", "--no-trunc"));
        for (String filter : filters) {
            command.add("--filter");
            command.add(filter);
        }
        return run(command).lines().map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /** IDs of the containers, running or not, that Dev Services created from {@code image} (exactly that name). */
    public static List<String> devServicesContainers(String image) {
        List<String> ids = new ArrayList<>();
        for (String line : run(List.of("ps", "-a", "--no-trunc", "--filter", "label=io.quarkus.devservice.launch-mode",
                "--format", "{{.ID}} {{.Image}}")).lines().toList()) {
            String[] idAndImage = line.strip().split(" ", 2);
            if (idAndImage.length == 2 && idAndImage[1].equals(image)) {
                ids.add(idAndImage[0]);
            }
        }
        return ids;
    }

    /** Removes the containers, running or not (the test's own clean-up, as Ryuk cannot run here). */
    public static void remove(Collection<String> ids) {
        if (!ids.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("rm", "-f"));
            command.addAll(ids);
            run(command);
        }
    }

    /** The engine's command line: {@code docker} where it is on the PATH, else {@code podman}. */
    public static String cli() {
        String path = System.getenv("PATH");
        boolean docker = path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "docker")));
        return docker ? "docker" : "podman";
    }

    private static String run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(cli()));
        command.addAll(arguments);
        Result result = exec(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD), COMMAND_DEADLINE);
        if (result.exit() != 0) {
            throw new IllegalStateException(command + " failed (" + result.exit() + "): " + result.output().strip());
        }
        return result.output();
    }

    private static String standInFailure(String tag) {
        return BUILT.computeIfAbsent(tag, ContainerTestEngine::buildStandIn).orElse(null);
    }

    private static Optional<String> buildStandIn(String tag) {
        Path root = repositoryRoot();
        if (root == null) {
            return Optional.of("no " + STAND_IN_SCRIPT + " above " + Path.of("").toAbsolutePath());
        }
        ProcessBuilder build = new ProcessBuilder("bash", STAND_IN_SCRIPT, tag).directory(root.toFile())
                .redirectErrorStream(true);
        // the script looks for the engine's set-up beside the repository; a git worktree sits one level deeper
        for (Path dir = root.getParent(); dir != null && System.getenv("CONTAINER_ENGINE_SETUP") == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SETUP_SCRIPT))) {
                build.environment().put("CONTAINER_ENGINE_SETUP", dir.resolve(SETUP_SCRIPT).toString());
                break;
            }
        }
        Result result = exec(build, BUILD_DEADLINE);
        return result.exit() == 0 ? Optional.empty()
                : Optional.of(STAND_IN_SCRIPT + " " + tag + " failed (" + result.exit() + "): "
                        + result.output().strip().lines().reduce((a, b) -> b).orElse("no output")
                        + "; install Podman (apt-get install podman) and its Debian base (" + SETUP_SCRIPT + ")");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(STAND_IN_SCRIPT))) {
                return dir;
            }
        }
        return null;
    }

    /** The process' exit code (-1: could not start or timed out) and output, read beside it so neither blocks. */
    private record Result(int exit, String output) {
    }

    private static Result exec(ProcessBuilder builder, Duration deadline) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(-1, "cannot run " + builder.command() + ": " + e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, builder.command() + " did not finish in " + deadline);
            }
            return new Result(process.exitValue(), output.get(1, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, "interrupted");
        } catch (Exception e) {
            return new Result(-1, builder.command() + ": " + e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
