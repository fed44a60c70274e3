package io.quarkiverse.flywayautogen.core.postgresql;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server in a container, started for one run as the shadow server and removed after it, as Atlas's
 * {@code docker://postgres/15/dev}: for a project that configures no server because Quarkus Dev Services starts its
 * database in dev mode. Started through Testcontainers, as Dev Services starts its own, so that it works wherever Dev
 * Services work: the same engine discovery ({@code DOCKER_HOST}, {@code ~/.testcontainers.properties}, Docker's or
 * Podman's socket), the same readiness wait as Testcontainers' PostgreSQL module (the "ready to accept connections"
 * line twice: once for the server the image's initialisation runs, once for the real one), {@code fsync=off}.
 * <p>
 * Its port is published on 127.0.0.1 only when the engine runs on this machine. The container is removed by
 * {@link #close()}; by a shutdown hook when the JVM stops first (Ctrl-C); and after a kill, which leaves it running,
 * by the next start on this machine: its label names the process that owns it (Testcontainers' Ryuk, which would do
 * this, cannot run everywhere and is often disabled).
 */
public final class ThrowawayServer implements AutoCloseable {

    /** The image Quarkus 3.33's PostgreSQL Dev Services start when {@code devservices.image-name} is not set. */
    public static final String DEFAULT_IMAGE = "docker.io/library/postgres:18";
    /** On every container started here; its value is the owner, {@code host pid}. */
    public static final String OWNER_LABEL = "io.quarkiverse.flywayautogen.throwaway-server";

    private static final int PORT = 5432;
    private static final String USER = "flyway_autogen";
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final PostgreSQLContainer container;
    private final ShadowServer server;
    private final Thread removeOnExit;

    private ThrowawayServer(PostgreSQLContainer container, ShadowServer server) {
        this.container = container;
        this.server = server;
        this.removeOnExit = new Thread(container::stop, "flyway-autogen-throwaway-server-removal");
    }

    /**
     * Starts a container of {@code image} and waits until PostgreSQL accepts connections (two minutes at most).
     * {@code remedies}: what the caller's user can set instead (a shadow URL, a datasource URL), ending every error
     * message, which otherwise names what to install.
     */
    public static ThrowawayServer start(String image, String remedies) {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        // Testcontainers finds its engine strategies through the context class loader: a Maven goal has set the
        // project's there, which does not see them
        Thread.currentThread().setContextClassLoader(ThrowawayServer.class.getClassLoader());
        try {
            requireEngine(remedies);
            LeftoverContainers.removeDeadOwners(DockerClientFactory.instance().client(), OWNER_LABEL);
            return startContainer(image, remedies);
        } finally {
            Thread.currentThread().setContextClassLoader(caller);
        }
    }

    private static void requireEngine(String remedies) {
        try {
            DockerClientFactory.instance().client();
        } catch (IllegalStateException e) {
            throw new NoContainerEngineException("a throwaway PostgreSQL server for the shadow databases needs a"
                    + " container engine, and none answered (" + reason(e) + "). Install Docker, or Podman with its"
                    + " Docker API socket (systemctl --user enable --now podman.socket, then"
                    + " DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock), as Quarkus Dev Services need; " + remedies);
        } catch (RuntimeException e) {
            boolean ryuk = !Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
            throw new NoContainerEngineException("a container engine answered, but Testcontainers could not prepare it ("
                    + reason(e) + ")" + (ryuk ? ". Where Testcontainers' Ryuk container cannot run (no access to its"
                    + " image, rootless Podman), set the environment variable TESTCONTAINERS_RYUK_DISABLED=true, as for"
                    + " Dev Services: the throwaway server is removed without it" : "") + "; " + remedies);
        }
    }

    private static ThrowawayServer startContainer(String image, String remedies) {
        String hostIp = DockerClientFactory.instance().dockerHostIpAddress();
        boolean local = hostIp.equals("localhost") || hostIp.equals("127.0.0.1");
        String password = UUID.randomUUID().toString();
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor(PostgreSQLContainer.IMAGE))
                .withDatabaseName("postgres")
                .withUsername(USER)
                .withPassword(password)
                .withLabels(Map.of(OWNER_LABEL, LeftoverContainers.owner()))
                .withStartupTimeout(STARTUP)
                .withCreateContainerCmdModifier(create -> {
                    create.withName("flyway-autogen-shadow-" + password.substring(0, 8));
                    if (local) {
                        // reachable from this machine only; the port is still chosen by the engine
                        create.getHostConfig().withPublishAllPorts(false).withPortBindings(
                                new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT)));
                    }
                });
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new NoContainerEngineException("cannot start a throwaway PostgreSQL container of " + image + " ("
                    + reason(e) + "): the image must be present or pullable on this machine; " + remedies);
        }
        String host = local ? "127.0.0.1" : container.getHost();
        ShadowServer server = new ShadowServer("jdbc:postgresql://" + host + ":" + container.getMappedPort(PORT)
                + "/postgres", USER, password);
        ThrowawayServer started = new ThrowawayServer(container, server);
        Runtime.getRuntime().addShutdownHook(started.removeOnExit);
        return started;
    }

    /** The shadow server in the container: a superuser on its {@code postgres} database, on 127.0.0.1. */
    public ShadowServer server() {
        return server;
    }

    public String containerId() {
        return container.getContainerId();
    }

    public String image() {
        return container.getDockerImageName();
    }

    /** Removes the container, its volumes with it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it removes the container
            return;
        }
        container.stop();
    }

    /** Testcontainers' message, with the engine's answer it wraps, several layers down. */
    private static String reason(Throwable e) {
        String outer = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String inner = outer;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                inner = t.getMessage().strip();
            }
        }
        return inner.equals(outer) || outer.contains(inner) ? outer : outer + ": " + inner;
    }
}
