package io.quarkiverse.flywayautogen.core.postgresql;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The container engine, found as Testcontainers (and so Quarkus Dev Services) finds it: {@code DOCKER_HOST},
 * {@code ~/.testcontainers.properties}, Docker's socket, Docker Desktop's. Only its discovery is used, not its
 * container lifecycle: that would start Testcontainers' resource reaper, whose Ryuk container cannot run everywhere,
 * and whose JVM hook, without Ryuk, runs after Maven has closed the plugin's class loader and fails there.
 *
 * @param client the engine's Docker API
 * @param hostIp where the engine publishes ports ({@code localhost} for a local engine)
 */
record ContainerEngine(DockerClient client, String hostIp) {

    private static ContainerEngine found;

    /** The engine, found once per class loader; a {@link NoContainerEngineException} when none answers. */
    static synchronized ContainerEngine find(String remedies) {
        if (found == null) {
            List<DockerClientProviderStrategy> strategies = new ArrayList<>();
            ServiceLoader.load(DockerClientProviderStrategy.class, ContainerEngine.class.getClassLoader())
                    .forEach(strategies::add);
            DockerClientProviderStrategy strategy;
            try {
                strategy = DockerClientProviderStrategy.getFirstValidStrategy(strategies);
            } catch (RuntimeException e) {
                throw new NoContainerEngineException("no container engine answered for a throwaway PostgreSQL server ("
                        + e.getMessage() + "). Install Docker, or Podman with its Docker API socket (systemctl --user"
                        + " enable --now podman.socket, then DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock),"
                        + " as Quarkus Dev Services need; " + remedies);
            }
            found = new ContainerEngine(strategy.getDockerClient(), strategy.getDockerHostIpAddress());
        }
        return found;
    }

    boolean local() {
        return hostIp.equals("localhost") || hostIp.equals("127.0.0.1");
    }
}
