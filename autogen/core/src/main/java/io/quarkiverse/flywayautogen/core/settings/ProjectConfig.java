package io.quarkiverse.flywayautogen.core.settings;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An application's configuration as its Quarkus build reads it, for tools that run outside it (the Maven goals):
 * {@code application.properties} and {@code application.yaml} (or {@code .yml}) of the resources folder, with the
 * configuration profile(s) applied ({@code %prod.} keys), property expressions ({@code ${DB_HOST:localhost}})
 * resolved, environment variables ({@code QUARKUS_DATASOURCE_DB_KIND}) and the tool's own properties
 * ({@code -D} of a Maven run) overriding. Ordinals are Quarkus': properties 250, YAML 255, environment 300,
 * overrides 400.
 */
public final class ProjectConfig {

    private ProjectConfig() {
    }

    /**
     * {@code profiles}: comma-separated, the last one winning, as Quarkus' {@code quarkus.profile};
     * {@code overrides}: the tool's properties; {@code environment}: the process' environment variables.
     */
    public static SmallRyeConfig of(Path resourcesDir, String profiles, Map<String, String> overrides,
                                    Map<String, String> environment) {
        List<ConfigSource> sources = new ArrayList<>();
        Path properties = resourcesDir.resolve("application.properties");
        try {
            if (Files.isRegularFile(properties)) {
                sources.add(new PropertiesConfigSource(properties.toUri().toURL(), 250));
            }
            for (String yaml : List.of("application.yaml", "application.yml")) {
                Path file = resourcesDir.resolve(yaml);
                if (Files.isRegularFile(file)) {
                    sources.add(new YamlConfigSource(file.toUri().toURL(), 255));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new AutogenException("cannot read the configuration in " + resourcesDir + ": " + e.getMessage(), e);
        }
        sources.add(new EnvConfigSource(environment, 300));
        sources.add(new PropertiesConfigSource(overrides, "overrides", 400));
        List<String> profileList = Arrays.stream(profiles.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfiles(profileList)
                .withSources(sources.toArray(ConfigSource[]::new))
                .build();
    }
}
