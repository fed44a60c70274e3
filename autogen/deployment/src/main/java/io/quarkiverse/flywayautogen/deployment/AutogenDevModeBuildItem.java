package io.quarkiverse.flywayautogen.deployment;

import io.quarkiverse.flywayautogen.deployment.devmode.DevModeState;
import io.quarkus.builder.item.SimpleBuildItem;

/** The dev-mode state after this build's comparison, for the Dev UI card. */
public final class AutogenDevModeBuildItem extends SimpleBuildItem {

    private final DevModeState state;

    AutogenDevModeBuildItem(DevModeState state) {
        this.state = state;
    }

    public DevModeState state() {
        return state;
    }
}
