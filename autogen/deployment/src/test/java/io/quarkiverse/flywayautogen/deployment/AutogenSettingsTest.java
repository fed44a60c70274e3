package io.quarkiverse.flywayautogen.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.settings.SettingsReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * {@code quarkus.flyway-autogen.*} keys as the engine's options: dev mode reads the build's configuration through
 * core's settings reader, and the config mapping (which documents the keys) declares the same defaults.
 */
class AutogenSettingsTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(FlywayAutogenBuildTimeConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }

    @Test
    void foreignKeyIndexesAreOffUnlessConfigured() {
        assertFalse(SettingsReader.read(config(Map.of())).options().indexForeignKeys(), "the schema stays exactly Hibernate's");
        assertTrue(SettingsReader.read(config(Map.of("quarkus.flyway-autogen.index-foreign-keys", "true"))).options()
                .indexForeignKeys());
    }

    @Test
    void theMappingsDefaultsAreTheReadersDefaults() {
        SmallRyeConfig config = config(Map.of());
        FlywayAutogenBuildTimeConfig mapping = config.getConfigMapping(FlywayAutogenBuildTimeConfig.class);
        AutogenOptions options = SettingsReader.read(config).options();
        FlywayAutogenBuildTimeConfig.NamingConventionConfig n = mapping.namingConvention();
        assertEquals(options.naming(), new NamingConvention(n.index(), n.unique(), n.foreignKey(), n.check(), n.primaryKey()));
        assertEquals(options.versionScheme().name(), mapping.versionScheme().name());
        assertEquals(options.undo(), mapping.undo());
        assertEquals(options.indexForeignKeys(), mapping.indexForeignKeys());
        assertEquals(SettingsReader.read(config).allowDestructive(), mapping.allowDestructive());
    }
}
