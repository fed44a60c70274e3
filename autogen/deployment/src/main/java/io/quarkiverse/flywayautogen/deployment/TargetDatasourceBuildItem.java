package io.quarkiverse.flywayautogen.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/** The datasource the extension works on, resolved once per build from the application's configuration. */
final class TargetDatasourceBuildItem extends SimpleBuildItem {

    private final TargetDatasource datasource;

    TargetDatasourceBuildItem(TargetDatasource datasource) {
        this.datasource = datasource;
    }

    TargetDatasource datasource() {
        return datasource;
    }
}
