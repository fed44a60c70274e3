package dev.flywayautogen.quarkus.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/browser/devui-card.mjs}: Playwright driving the Debian Chromium through the Dev UI card.
 * Missing tools fail the test with what to install rather than skipping it, so a machine without a browser cannot
 * pass the build by silently not testing the card.
 */
final class DevUiCardScript {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path BROWSER_DIR = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SCRIPT = BROWSER_DIR.resolve("devui-card.mjs");
    /** Chromium start, the Dev UI's first load (about 1000 module requests, 10-20 s here) and the steps. */
    private static final long TIMEOUT_SECONDS = 240;
    /** Per step: opening the Dev UI alone took up to 18 s on a busy machine; the script's default is 30 s. */
    private static final String STEP_TIMEOUT_MS = "60000";

    private final Path log;
    private final Path failureScreenshot;

    /** The page's web component and the element it shows once answered: the card's first page unless told. */
    private final String element;
    private final String ready;

    /** @param name of the log and failure screenshot written to {@code target/} */
    DevUiCardScript(String name) {
        this(name, "qwc-flyway-autogen", "#summary");
    }

    DevUiCardScript(String name, String element, String ready) {
        this.log = Path.of("target", name + ".log").toAbsolutePath();
        this.failureScreenshot = Path.of("target", name + "-failure.png").toAbsolutePath();
        this.element = element;
        this.ready = ready;
    }

    /** Runs the steps against the Dev UI at {@code devUiUrl}; returns the script's output, fails the test with it. */
    String run(String devUiUrl, List<String> steps) throws IOException, InterruptedException {
        Path node = requireTools();
        List<String> command = new ArrayList<>(List.of(node.toString(), SCRIPT.toString(), devUiUrl));
        command.addAll(steps);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(BROWSER_DIR.toFile())
                .redirectErrorStream(true)
                // a file, not a pipe: nothing to drain while waiting, and the log stays in target/ for a human
                .redirectOutput(log.toFile());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        builder.environment().put("DEVUI_FAILURE_SCREENSHOT", failureScreenshot.toString());
        builder.environment().put("DEVUI_TIMEOUT_MS", STEP_TIMEOUT_MS);
        builder.environment().put("DEVUI_ELEMENT", element);
        builder.environment().put("DEVUI_READY", ready);
        Files.deleteIfExists(failureScreenshot);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            // Chromium first: killed node could not close the browser it started
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("browser script did not finish within " + TIMEOUT_SECONDS + " s: " + describe(command) + output());
        }
        String output = output();
        if (process.exitValue() != 0) {
            fail("browser script failed (exit " + process.exitValue() + "): " + describe(command) + output);
        }
        return output;
    }

    private static Path requireTools() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is needed at " + CHROMIUM + " for the Dev UI browser test: install it with"
                    + " `apt-get install chromium` (Debian/Ubuntu)");
        }
        Path node = onPath("node");
        if (node == null) {
            fail("Node.js 20+ is needed on the PATH for the Dev UI browser test: install it with"
                    + " `apt-get install nodejs npm`");
        }
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is not installed in " + BROWSER_DIR + "/node_modules: the Maven build runs"
                    + " `npm ci` there (generate-test-resources); run `./mvnw test` or `npm ci` in that folder");
        }
        return node;
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private String describe(List<String> command) {
        return String.join(" ", command) + "\n(log " + log + ", failure screenshot " + failureScreenshot
                + " if written)\n";
    }

    private String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }
}
