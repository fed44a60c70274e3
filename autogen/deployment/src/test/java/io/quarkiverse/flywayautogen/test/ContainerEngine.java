package io.quarkiverse.flywayautogen.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The container engine Testcontainers, hence Quarkus' Dev Services, would use: {@code DOCKER_HOST}, else Docker's
 * default socket, answering {@code /_ping}; and the {@code podman} command, which builds the PostgreSQL stand-in
 * image ({@code docker/test-stand-ins/postgres.sh}). A test class that needs them is
 * {@code @ExtendWith(ContainerEngine.class)}: skipped, in one line saying what to install, where they are missing;
 * failed instead when {@code CI=true}, where a skip would hide that the test never ran.
 */
public final class ContainerEngine implements ExecutionCondition {

    private static final String INSTALL = "install Podman and serve its Docker API socket"
            + " (eval \"$(bash ../shared/container-engine/setup.sh socket)\" sets DOCKER_HOST), or Docker";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("container engine at " + endpoint());
        }
        String message = "no container engine (" + missing.get() + "): " + INSTALL;
        if (onCi()) {
            throw new IllegalStateException("CI=true, so this test may not be skipped: " + message);
        }
        System.err.println("skipped: " + message);
        return ConditionEvaluationResult.disabled(message);
    }

    /**
     * Builds the PostgreSQL stand-in image under {@code tag} (once; later calls only tag it), from the module
     * directory the tests run in. Aborts the test (fails it on CI) when the image cannot be built.
     */
    public static void postgresStandIn(String tag) {
        Path script = Path.of("../../docker/test-stand-ins/postgres.sh").toAbsolutePath().normalize();
        Optional<String> failure;
        try {
            Process build = new ProcessBuilder("bash", script.toString(), tag).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(build.getInputStream()));
            if (!build.waitFor(10, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                failure = Optional.of(script + " took more than 10 minutes");
            } else {
                String text = output.get(1, TimeUnit.MINUTES);
                failure = build.exitValue() == 0 ? Optional.empty()
                        : Optional.of(script + " failed (" + build.exitValue() + "): " + text.strip());
            }
        } catch (Exception e) {
            failure = Optional.of(script + " could not run: " + e);
        }
        if (failure.isPresent()) {
            if (onCi()) {
                throw new IllegalStateException("CI=true: " + failure.get());
            }
            Assumptions.abort("no PostgreSQL stand-in image: " + failure.get());
        }
    }

    /** IDs of the containers, running or not, that Dev Services created from {@code image} (exactly that name). */
    public static List<String> devServicesContainers(String image) {
        List<String> ids = new ArrayList<>();
        for (String line : podman("ps", "-a", "--filter", "label=io.quarkus.devservice.launch-mode",
                "--format", "{{.ID}} {{.Image}}").lines().toList()) {
            String[] idAndImage = line.strip().split(" ", 2);
            if (idAndImage.length == 2 && idAndImage[1].equals(image)) {
                ids.add(idAndImage[0]);
            }
        }
        return ids;
    }

    /** Removes containers this test created (the reaper's job, as Testcontainers' Ryuk cannot run here). */
    public static void remove(List<String> ids) {
        if (!ids.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("rm", "-f"));
            command.addAll(ids);
            podman(command.toArray(String[]::new));
        }
    }

    private static String podman(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        try {
            Process podman = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(podman.getInputStream()));
            if (!podman.waitFor(2, TimeUnit.MINUTES)) {
                podman.destroyForcibly();
                throw new IllegalStateException(command + " took more than 2 minutes");
            }
            return output.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(command + " failed: " + e, e);
        }
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Testcontainers' order: DOCKER_HOST, else Docker's default socket. */
    private static String endpoint() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host.strip();
    }

    private static Optional<String> missing() {
        String endpoint = endpoint();
        String ping = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n";
        try {
            String answer;
            URI uri = URI.create(endpoint);
            if ("unix".equals(uri.getScheme())) {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    return Optional.of("no socket at " + socket + (System.getenv("DOCKER_HOST") == null ? ", DOCKER_HOST not set" : ""));
                }
                answer = CompletableFuture.supplyAsync(() -> pingUnix(socket, ping)).get(10, TimeUnit.SECONDS);
            } else if ("tcp".equals(uri.getScheme())) {
                try (Socket tcp = new Socket()) {
                    tcp.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
                    tcp.setSoTimeout(10_000);
                    OutputStream out = tcp.getOutputStream();
                    out.write(ping.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    answer = readAll(tcp.getInputStream());
                }
            } else {
                return Optional.of("DOCKER_HOST=" + endpoint + " is neither unix:// nor tcp://");
            }
            if (!answer.startsWith("HTTP/1.") || !answer.contains(" 200 ")) {
                return Optional.of(endpoint + " answered /_ping with " + answer.lines().findFirst().orElse("nothing"));
            }
        } catch (Exception e) {
            return Optional.of(endpoint + " does not answer: " + e);
        }
        try {
            Process version = new ProcessBuilder("podman", "--version").redirectErrorStream(true).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                return Optional.of("the podman command does not answer");
            }
        } catch (IOException e) {
            return Optional.of("no podman command, which builds the PostgreSQL stand-in image");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        return Optional.empty();
    }

    private static String pingUnix(Path socket, String ping) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(ping.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
