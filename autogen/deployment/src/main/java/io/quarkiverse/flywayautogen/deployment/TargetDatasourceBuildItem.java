package io.quarkiverse.flywayautogen.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/** The datasource the extension works on, resolved once per build from the application's configuration. */
public final class TargetDatasourceBuildItem extends SimpleBuildItem {

    private final TargetDatasource datasource;

    TargetDatasourceBuildItem(TargetDatasource datasource) {
        this.datasource = datasource;
    }

    public TargetDatasource datasource() {
        return datasource;
    }
}
