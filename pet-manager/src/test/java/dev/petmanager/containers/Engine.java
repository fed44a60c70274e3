package dev.petmanager.containers;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the container suite finds its engine and base images. The images are built as users build them (docker/
 * Dockerfile.*, from pet-manager/target), with BASE_IMAGE pointing at a Debian 12 root built locally by the team's
 * container-engine script, since no registry is reachable here.
 */
final class Engine {

    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    private Engine() {
    }

    /** Skips the calling suite, saying what to install, where no engine runs; with CI=true that is a failure. */
    static void assumeRunning() {
        String missing = null;
        try {
            Podman.Result info = Podman.run(Duration.ofSeconds(60), "info", "--format", "{{.Host.OCIRuntime.Name}}");
            if (!info.ok()) {
                missing = "podman does not start (" + info.refusal() + ")";
            }
        } catch (AssertionError e) {
            missing = "no podman on the PATH (" + e.getMessage() + ")";
        }
        if (missing == null && !Files.isRegularFile(setupScript())) {
            missing = "no container-engine set-up script at " + setupScript();
        }
        if (missing != null) {
            String message = "container suite skipped: " + missing
                    + "; install Podman (apt-get install podman runc) and run ../shared/container-engine/setup.sh engine";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: a skipped container suite fails the build)");
            }
            Assumptions.abort(message);
        }
    }

    static Path setupScript() {
        String configured = System.getenv("CONTAINER_ENGINE_SETUP");
        return configured != null ? Path.of(configured)
                : REPOSITORY.resolve("../shared/container-engine/setup.sh").normalize();
    }

    /** localhost/NAME:latest, a Debian 12 minbase root with the packages (built once, cached by package list). */
    static String debianBase(String name, List<String> packages) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", setupScript().toString(), "image", name));
        command.addAll(packages);
        Podman.Result result = Podman.exec(Duration.ofMinutes(20), command, REPOSITORY);
        if (!result.ok()) {
            throw new AssertionError(result.refusal());
        }
        List<String> lines = result.out().strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
