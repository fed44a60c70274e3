package io.quarkiverse.flywayautogen.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** {@code quarkus.flyway-autogen.*} keys as the engine's options, through the same config mapping Quarkus builds. */
class AutogenSettingsTest {

    private static FlywayAutogenBuildTimeConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FlywayAutogenBuildTimeConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(FlywayAutogenBuildTimeConfig.class);
    }

    @Test
    void foreignKeyIndexesAreOffUnlessConfigured() {
        assertFalse(AutogenSettings.options(config(Map.of())).indexForeignKeys(), "the schema stays exactly Hibernate's");
        assertTrue(AutogenSettings.options(config(Map.of("quarkus.flyway-autogen.index-foreign-keys", "true"))).indexForeignKeys());
    }
}
