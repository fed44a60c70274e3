package dev.petmanager.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process of the packaged service (jar or native executable) on a free port, pointed at a PostgreSQL database
 * through the environment variables an operator sets; several of them are replicas sharing that database.
 */
public final class Replica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;

    private Replica(String name, int port, int managementPort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /** Starts a replica on {@code database} (a database of the test server); returns at once, not when it is ready. */
    public static Replica start(String name, String database) throws IOException {
        int port = Management.freePort();
        int managementPort = Management.freePort();
        List<String> command = PackagedService.launcher();
        command.add(1, "-Dquarkus.http.port=" + port);
        command.add(1, "-Dquarkus.management.port=" + managementPort);
        Path log = Files.createDirectories(Path.of("target", "replicas")).resolve(name + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", TestDatabase.urlOf(database),
                "QUARKUS_DATASOURCE_USERNAME", TestDatabase.user(),
                "QUARKUS_DATASOURCE_PASSWORD", TestDatabase.password()));
        return new Replica(name, port, managementPort, builder.start(), log);
    }

    /** Waits until {@code /q/health/ready} (management port) answers 200, failing with the replica's log when it exits or times out. */
    public Replica awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (send(HttpRequest.newBuilder(managementUri("/q/health/ready")).GET()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " not ready within " + timeout + ":\n" + log());
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A path on the replica's management interface (health, metrics), which has a port of its own. */
    public URI managementUri(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        if (built.headers().firstValue("Authorization").isEmpty()) {
            // the test admin, unless the test chose a token
            built = HttpRequest.newBuilder(built, (name, value) -> true)
                    .header("Authorization", "Bearer " + TestIssuer.adminToken()).build();
        }
        return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Ends the process the hard way (SIGKILL): no shutdown hook, no draining of requests in flight. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
