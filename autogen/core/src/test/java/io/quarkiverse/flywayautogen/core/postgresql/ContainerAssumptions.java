package io.quarkiverse.flywayautogen.core.postgresql;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tests that start containers skip, in one line saying what to install, on a machine without a container engine;
 * in CI ({@code CI=true}) a skip would hide that the tests never ran there, so it fails instead.
 */
final class ContainerAssumptions {

    static final String INSTALL = "install Docker, or Podman with its Docker API socket and DOCKER_HOST pointing at it"
            + " (on the team's machines: eval \"$(bash shared/container-engine/setup.sh socket)\")";

    private ContainerAssumptions() {
    }

    /** Skips (fails in CI) unless an engine is found as Testcontainers finds it. */
    static void assumeContainerEngine() {
        String missing = null;
        try {
            ContainerEngine.find("");
        } catch (NoContainerEngineException e) {
            missing = e.getMessage();
        }
        assumeOrFailInCi(missing == null, "no container engine answered: " + INSTALL);
    }

    static void assumeOrFailInCi(boolean condition, String skipped) {
        if (condition) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv("CI"))) {
            fail("CI=true, and " + skipped);
        }
        Assumptions.assumeTrue(false, skipped);
    }
}
