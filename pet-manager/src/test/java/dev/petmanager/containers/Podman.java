package dev.petmanager.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Podman's command line, as a user types it: every call has a deadline, and a refusal fails the test with the
 * engine's own words (its stderr) and the command that was refused. The suite drives the CLI rather than the Docker
 * API (Testcontainers) because the checks are the CLI's own options (--read-only, --tmpfs, --memory, kill --signal,
 * healthcheck run) and read the same as the README's commands; and because this engine cannot run Testcontainers'
 * Ryuk image (no registry), which the suite replaces by removing what it labelled.
 */
final class Podman {

    record Result(List<String> command, int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        String refusal() {
            return "`" + String.join(" ", command) + "` exited " + exit + ": " + (err.isBlank() ? out : err).strip();
        }
    }

    private Podman() {
    }

    static Result run(Duration deadline, List<String> args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(args);
        return exec(deadline, command, Path.of("."));
    }

    static Result run(Duration deadline, String... args) {
        return run(deadline, List.of(args));
    }

    /** The output of a call that must succeed. */
    static String ok(Duration deadline, String... args) {
        Result result = run(deadline, args);
        if (!result.ok()) {
            throw new AssertionError(result.refusal());
        }
        return result.out().strip();
    }

    static Result exec(Duration deadline, List<String> command, Path directory) {
        try {
            Path out = Files.createTempFile("podman-out", ".txt");
            Path err = Files.createTempFile("podman-err", ".txt");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError("`" + String.join(" ", command) + "` did not end within " + deadline);
                }
                return new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }
}
