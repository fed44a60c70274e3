package io.quarkiverse.flywayautogen.core.postgresql;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server in a container, started for one run as the shadow server and removed after it, as Atlas's
 * {@code docker://postgres/15/dev}: for a project that configures no server because Quarkus Dev Services start its
 * database in dev mode. The engine is found as Testcontainers finds it ({@link ContainerEngine}), so this works
 * wherever Dev Services work; the container is started as Testcontainers' PostgreSQL module starts one: the official
 * image's variables, {@code fsync=off}, ready when PostgreSQL has logged "ready to accept connections" twice (once
 * for the server the image's initialisation runs, once for the real one).
 * <p>
 * Its port is published on 127.0.0.1 only when the engine runs on this machine. The container is removed by
 * {@link #close()}; by a shutdown hook when the JVM stops first (Ctrl-C); and after a kill, which leaves it running,
 * by the next start on this machine: its label names the process that owns it.
 */
public final class ThrowawayServer implements AutoCloseable {

    /** The image Quarkus 3.33's PostgreSQL Dev Services start when {@code devservices.image-name} is not set. */
    public static final String DEFAULT_IMAGE = "docker.io/library/postgres:18";
    /** On every container started here; its value is the owner, {@code host pid}. */
    public static final String OWNER_LABEL = "io.quarkiverse.flywayautogen.throwaway-server";

    private static final int PORT = 5432;
    private static final String USER = "flyway_autogen";
    private static final String READY = "database system is ready to accept connections";
    private static final long PULL_MINUTES = 5;
    private static final long STARTUP_MILLIS = 120_000;

    private final DockerClient client;
    private final String containerId;
    private final String image;
    private final ShadowServer server;
    private final Thread removeOnExit;

    private ThrowawayServer(DockerClient client, String containerId, String image, ShadowServer server) {
        this.client = client;
        this.containerId = containerId;
        this.image = image;
        this.server = server;
        this.removeOnExit = new Thread(this::remove, "flyway-autogen-throwaway-server-removal");
    }

    /**
     * Starts a container of {@code image} (pulled when missing) and waits until PostgreSQL accepts connections, two
     * minutes at most. {@code remedies}: what the caller's user can set instead (a shadow URL, a datasource URL),
     * ending every error message, which otherwise says what to install.
     */
    public static ThrowawayServer start(String image, String remedies) {
        ContainerEngine engine = ContainerEngine.find(remedies);
        DockerClient client = engine.client();
        LeftoverContainers.removeDeadOwners(client, OWNER_LABEL);
        String password = UUID.randomUUID().toString();
        String id;
        try {
            pullIfMissing(client, image);
            HostConfig host = HostConfig.newHostConfig().withPortBindings(new PortBinding(
                    engine.local() ? Ports.Binding.bindIp("127.0.0.1") : Ports.Binding.empty(), ExposedPort.tcp(PORT)));
            id = client.createContainerCmd(image)
                    .withName("flyway-autogen-shadow-" + password.substring(0, 8))
                    .withLabels(Map.of(OWNER_LABEL, LeftoverContainers.owner()))
                    .withEnv("POSTGRES_USER=" + USER, "POSTGRES_PASSWORD=" + password, "POSTGRES_DB=postgres")
                    .withCmd("postgres", "-c", "fsync=off")
                    .withExposedPorts(ExposedPort.tcp(PORT))
                    .withHostConfig(host)
                    .exec().getId();
        } catch (RuntimeException e) {
            throw failed(image, e.getMessage(), remedies);
        }
        ThrowawayServer started = null;
        try {
            client.startContainerCmd(id).exec();
            awaitReady(client, id, image, remedies);
            String hostIp = engine.local() ? "127.0.0.1" : engine.hostIp();
            Ports.Binding[] published = client.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                    .getBindings().get(ExposedPort.tcp(PORT));
            started = new ThrowawayServer(client, id, image, new ShadowServer("jdbc:postgresql://" + hostIp + ":"
                    + published[0].getHostPortSpec() + "/postgres", USER, password));
            Runtime.getRuntime().addShutdownHook(started.removeOnExit);
            return started;
        } catch (RuntimeException e) {
            try {
                removeQuietly(client, id);
            } catch (RuntimeException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e instanceof NoContainerEngineException ? e : failed(image, e.getMessage(), remedies);
        }
    }

    private static void pullIfMissing(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
        } catch (NotFoundException missing) {
            try {
                if (!client.pullImageCmd(image).start().awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("pulling it took more than " + PULL_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pulling it", e);
            }
        }
    }

    /** PostgreSQL's readiness line twice, as Testcontainers' PostgreSQL module waits for it; fails when the container stops. */
    private static void awaitReady(DockerClient client, String id, String image, String remedies) {
        long deadline = System.currentTimeMillis() + STARTUP_MILLIS;
        String logs = "";
        while (System.currentTimeMillis() < deadline) {
            logs = logs(client, id);
            if (logs.split(READY, -1).length > 2) {
                return;
            }
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(id).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                throw failed(image, "it exited with code " + state.getExitCodeLong() + "; its log ends: " + tail(logs), remedies);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(image, "interrupted while waiting for PostgreSQL", remedies);
            }
        }
        throw failed(image, "PostgreSQL was not ready after " + STARTUP_MILLIS / 1000 + " s; its log ends: " + tail(logs), remedies);
    }

    private static String logs(DockerClient client, String id) {
        StringBuilder text = new StringBuilder();
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text.toString();
    }

    private static String tail(String logs) {
        String trimmed = logs.strip();
        return trimmed.isEmpty() ? "(empty)" : trimmed.substring(Math.max(0, trimmed.length() - 400));
    }

    private static NoContainerEngineException failed(String image, String reason, String remedies) {
        return new NoContainerEngineException("the throwaway PostgreSQL container of " + image + " did not start ("
                + reason + "): the image must be present on this machine or pullable; " + remedies);
    }

    /** The shadow server in the container: a superuser on its {@code postgres} database, on 127.0.0.1. */
    public ShadowServer server() {
        return server;
    }

    public String containerId() {
        return containerId;
    }

    public String image() {
        return image;
    }

    /** Removes the container, its volumes with it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is running or about to: it removes the container
        }
        remove();
    }

    private void remove() {
        removeQuietly(client, containerId);
    }

    private static void removeQuietly(DockerClient client, String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // removed already
        }
    }
}
