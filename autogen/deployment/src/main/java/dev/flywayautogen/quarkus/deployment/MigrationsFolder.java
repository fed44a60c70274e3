package dev.flywayautogen.quarkus.deployment;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;

/**
 * Where migrations are read and written ({@link #source()}, under {@code src/main/resources}) and where the running
 * application's Flyway finds them ({@link #classpathCopy()}, under {@code target/classes}): in dev mode Flyway lists
 * the migration files it finds on the class path while the application is built, so a file generated during that
 * build must also be copied there to be applied on the same reload.
 */
record MigrationsFolder(Path source, Optional<Path> classpathCopy, String flywayLocation) {

    static MigrationsFolder resolve(Optional<String> configured, Optional<String> datasource, Path projectDir) {
        String location = flywayLocation(datasource);
        Path source = configured.map(c -> projectDir.resolve(c).normalize())
                .orElseGet(() -> sourceResourcesDir(projectDir).resolve(location));
        return new MigrationsFolder(source, classpathDir(location), location);
    }

    /** The Flyway location inside the class path, e.g. {@code db/migration}. */
    static String flywayLocation(Optional<String> datasource) {
        String key = datasource.filter(d -> !d.equals("<default>"))
                .map(d -> "quarkus.flyway.\"" + d + "\".locations").orElse("quarkus.flyway.locations");
        List<String> locations = ConfigProvider.getConfig().getOptionalValues(key, String.class)
                .orElse(List.of("db/migration"));
        for (String location : locations) {
            if (!location.startsWith("filesystem:")) {
                String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
                return path.startsWith("/") ? path.substring(1) : path;
            }
        }
        return "db/migration";
    }

    private static Path sourceResourcesDir(Path projectDir) {
        HotReplacementContext dev = DevConsoleManager.getHotReplacementContext();
        if (dev != null && !dev.getResourcesDir().isEmpty()) {
            return dev.getResourcesDir().get(0);
        }
        return projectDir.resolve("src/main/resources");
    }

    private static Optional<Path> classpathDir(String location) {
        try {
            Enumeration<URL> found = Thread.currentThread().getContextClassLoader().getResources(location);
            while (found.hasMoreElements()) {
                URL url = found.nextElement();
                if ("file".equals(url.getProtocol())) {
                    return Optional.of(Path.of(url.toURI()));
                }
            }
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
        HotReplacementContext dev = DevConsoleManager.getHotReplacementContext();
        if (dev != null && !dev.getClassesDir().isEmpty() && Files.isDirectory(dev.getClassesDir().get(0))) {
            return Optional.of(dev.getClassesDir().get(0).resolve(location));
        }
        return Optional.empty();
    }
}
