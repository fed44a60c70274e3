package io.quarkiverse.flywayautogen.core.postgresql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The official PostgreSQL image's stand-in ({@code docker/test-stand-ins/postgres.sh}): no image registry is
 * reachable on the team's machines, so the image a test names is built locally and tagged under that name. Tests
 * that cannot have it skip (fail in CI), saying why.
 */
final class StandInImages {

    private static final String SCRIPT = "docker/test-stand-ins/postgres.sh";

    private StandInImages() {
    }

    /** Tags the stand-in as {@code image} (built on first use, which takes a minute or two) and returns the name. */
    static String postgres(String image) {
        Path root = repositoryRoot();
        ContainerAssumptions.assumeOrFailInCi(root != null, "no " + SCRIPT + " above " + Path.of("").toAbsolutePath());
        ProcessBuilder build = new ProcessBuilder("bash", SCRIPT, image).directory(root.toFile()).redirectErrorStream(true);
        // the script looks for the engine's set-up beside the repository; a git worktree sits one level deeper
        for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
            Path setup = dir.resolve("shared/container-engine/setup.sh");
            if (Files.isRegularFile(setup) && System.getenv("CONTAINER_ENGINE_SETUP") == null) {
                build.environment().put("CONTAINER_ENGINE_SETUP", setup.toString());
                break;
            }
        }
        String output;
        int exit;
        try {
            Process process = build.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(SCRIPT + " did not finish in 10 minutes");
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            exit = process.exitValue();
        } catch (IOException e) {
            output = e.getMessage();
            exit = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ContainerAssumptions.assumeOrFailInCi(exit == 0, "the PostgreSQL stand-in image could not be built ("
                + SCRIPT + " " + image + ": " + output.lines().reduce((a, b) -> b).orElse("exit " + exit) + "): "
                + ContainerAssumptions.INSTALL);
        return image;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                return dir;
            }
        }
        return null;
    }
}
