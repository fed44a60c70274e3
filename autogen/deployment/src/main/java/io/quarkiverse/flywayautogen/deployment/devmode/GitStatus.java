package io.quarkiverse.flywayautogen.deployment.devmode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks git, in the file's own folder, whether a file is committed. Empty when git cannot answer: not installed, the
 * folder is not in a work tree, or it did not answer in time; the caller then falls back to its own rule.
 */
final class GitStatus {

    private static final long TIMEOUT_SECONDS = 10;

    private GitStatus() {
    }

    /** True when the file is tracked and has no uncommitted change (staged or not). */
    static Optional<Boolean> committed(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Optional<Answer> inWorkTree = git(dir, "rev-parse", "--is-inside-work-tree");
        if (inWorkTree.isEmpty() || inWorkTree.get().exit() != 0 || !inWorkTree.get().out().strip().equals("true")) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        Optional<Answer> tracked = git(dir, "ls-files", "--error-unmatch", "--", name);
        if (tracked.isEmpty()) {
            return Optional.empty();
        }
        if (tracked.get().exit() != 0) {
            return Optional.of(false);
        }
        Optional<Answer> status = git(dir, "status", "--porcelain", "--", name);
        return status.filter(s -> s.exit() == 0).map(s -> s.out().isBlank());
    }

    private record Answer(int exit, String out) {
    }

    private static Optional<Answer> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new Answer(process.exitValue(), new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // no git on the PATH
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
