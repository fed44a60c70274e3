package io.quarkiverse.flywayautogen.deployment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.deployment.builditem.DevServicesAdditionalConfigBuildItem;
import io.quarkus.deployment.builditem.DevServicesCustomizerBuildItem;
import io.quarkus.deployment.builditem.DevServicesRegistryBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.devservices.crossclassloader.runtime.RunningService;

/**
 * The database Dev Services start for the datasource, started before the build ends. Dev Services describe each
 * service during the build and start it only when the application starts; the datasource's is the one whose
 * configuration provides the datasource's {@code jdbc.url}. Starting it through Dev Services' registry is what the
 * application's start does itself (same owner, same configuration, the customizers that label it): that start then
 * finds it running and keeps it, so there is one container, stopped by Dev Services when dev mode ends.
 */
final class DevServicesDatabase {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    private DevServicesDatabase() {
    }

    /** The datasource's Dev Services database, started if it is not running; empty when Dev Services have none. */
    static Optional<DevDatabaseServer> startEarly(TargetDatasource target, DevServicesRegistryBuildItem registry,
            List<DevServicesResultBuildItem> services, List<DevServicesCustomizerBuildItem> customizers,
            List<DevServicesAdditionalConfigBuildItem> additionalConfig) {
        String urlKey = target.datasourceKey("jdbc.url");
        for (DevServicesResultBuildItem service : services) {
            if (!service.isStartable()) {
                // a service Dev Services found running (a compose file's, a shared one) comes with its configuration
                if (service.getConfig().containsKey(urlKey)) {
                    return DevDatabaseServer.startedByDevServices(target, service.getConfig());
                }
                continue;
            }
            if (service.getApplicationConfigProvider() == null || !service.getApplicationConfigProvider().containsKey(urlKey)) {
                continue;
            }
            try {
                // a no-op when it runs already; what it needs of other services' configuration: none for a database
                registry.start(service, customizers, additionalConfig, new HashMap<>());
            } catch (RuntimeException e) {
                LOG.warnf("Flyway autogenerate: Dev Services could not start the dev database (%s); the application's"
                        + " start will say why", e.getMessage());
                return Optional.empty();
            }
            RunningService running = registry.getRunningServices(service.getName(), service.getServiceName(),
                    service.getServiceConfig());
            // the URL comes from the running container, the user and password from the service's description
            Map<String, String> config = new HashMap<>(service.getConfig());
            if (running != null) {
                config.putAll(running.configs());
            }
            return DevDatabaseServer.startedByDevServices(target, config);
        }
        return Optional.empty();
    }
}
