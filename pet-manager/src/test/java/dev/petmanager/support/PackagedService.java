package dev.petmanager.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs the artifact the build produced — the fast-jar or, in a native build, the executable — as its own process,
 * the way an operator does. Quarkus records which one it built in target/quarkus-artifact.properties.
 */
public final class PackagedService {

    private PackagedService() {
    }

    public record Outcome(int exitCode, String output) {
        public String lastLine() {
            String[] lines = output.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    /** Starts the service on {@code database} and waits for it to exit; a service that keeps running fails. */
    public static Outcome runUntilExit(Path database, long timeoutSeconds) throws IOException, InterruptedException {
        return runUntilExit(database, timeoutSeconds, Map.of());
    }

    /** As {@link #runUntilExit(Path, long)}, with {@code environment} added to the process' environment. */
    public static Outcome runUntilExit(Path database, long timeoutSeconds, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher());
        command.add(1, "-Dpet-manager.db.path=" + database);
        command.add(1, "-Dquarkus.http.port=0");
        command.add(1, "-Dquarkus.management.port=0");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        InputStream output = process.getInputStream();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the service did not exit within " + timeoutSeconds + " s:\n"
                    + new String(output.readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Outcome(process.exitValue(), new String(output.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the service on {@code database}, its API on {@code port} and its management interface (health, metrics)
     * on {@code managementPort}, with {@code arguments} (system properties such as {@code -Djava.io.tmpdir=...})
     * added, and returns once it reports ready; the caller stops it. Its output goes to {@code service.log} beside
     * the database.
     */
    public static Process startUntilReady(Path database, int port, int managementPort, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(1, arguments);
        command.add(1, "-Dpet-manager.db.path=" + database);
        command.add(1, "-Dquarkus.http.port=" + port);
        command.add(1, "-Dquarkus.management.port=" + managementPort);
        Path log = database.resolveSibling("service.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI ready = URI.create("http://localhost:" + managementPort + "/q/health/ready");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
                // a server that accepts but never answers fails the wait instead of hanging it
                connection.setConnectTimeout(2000);
                connection.setReadTimeout(5000);
                if (connection.getResponseCode() == 200) {
                    return process;
                }
            } catch (IOException notListeningYet) {
                // the HTTP server is not up yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError("the service did not become ready:\n" + Files.readString(log));
    }

    /** Whether this build produced the native executable rather than the jar. */
    public static boolean isNative() throws IOException {
        return !artifactPath().toString().endsWith(".jar");
    }

    /** The executable, or the fast-jar's {@code quarkus-app} folder. */
    public static Path artifact() throws IOException {
        Path path = artifactPath();
        return Files.isDirectory(path) || !path.toString().endsWith(".jar") ? path : path.getParent();
    }

    private static Path artifactPath() throws IOException {
        Path target = Path.of("target");
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(target.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        return target.resolve(artifact.getProperty("path")).toAbsolutePath();
    }

    public static List<String> launcher() throws IOException {
        Path path = artifactPath();
        if (!path.toString().endsWith(".jar")) {
            return new ArrayList<>(List.of(path.toString()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", path.toString()));
    }
}
