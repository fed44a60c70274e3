package io.quarkiverse.flywayautogen.deployment;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;

import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;

/**
 * Where migrations are read and written ({@link #source()}, under {@code src/main/resources}) and where the running
 * application's Flyway finds them ({@link #classpathCopy()}, under {@code target/classes}): in dev mode Flyway lists
 * the migration files it finds on the class path while the application is built, so a file generated during that
 * build must also be copied there to be applied on the same reload.
 */
record MigrationsFolder(Path source, Optional<Path> classpathCopy, String flywayLocation) {

    /** {@code location}: the Flyway location inside the class path, e.g. {@code db/migration}. */
    static MigrationsFolder resolve(Optional<String> configured, String location, Path projectDir) {
        Path source = configured.map(c -> projectDir.resolve(c).normalize())
                .orElseGet(() -> sourceResourcesDir(projectDir).resolve(location));
        return new MigrationsFolder(source, classpathDir(location), location);
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
