package dev.petmanager.containers;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** docker/Dockerfile.native, from the executable in pet-manager/target, under 128 MiB. */
class NativeImageIT extends ServiceImageContract {

    NativeImageIT() {
        super(ImageVariant.NATIVE);
    }

    @Test
    @Order(0)
    void theImageHoldsEverySharedLibraryTheExecutableNeeds() {
        assertSharedLibrariesPresent("/work/application");
    }
}
