package io.quarkiverse.flywayautogen.deployment;

import java.util.Optional;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The dev database this build compared against, once known: configured, or the one Dev Services started (on the
 * first start only after the comparison that waited for it). Empty when there is neither.
 */
final class DevDatabaseBuildItem extends SimpleBuildItem {

    private final Optional<DevDatabaseServer> server;

    DevDatabaseBuildItem(Optional<DevDatabaseServer> server) {
        this.server = server;
    }

    Optional<DevDatabaseServer> server() {
        return server;
    }
}
