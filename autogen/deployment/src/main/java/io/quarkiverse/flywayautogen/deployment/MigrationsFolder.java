package io.quarkiverse.flywayautogen.deployment;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.flywayautogen.core.render.VendorFolders;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;

/**
 * Where migrations are read and written ({@link #source()}, under {@code src/main/resources}) and where the running
 * application's Flyway finds them ({@link #classpathCopy()}, under {@code target/classes}): in dev mode Flyway lists
 * the migration files it finds on the class path while the application is built, so a file generated during that
 * build must also be copied there to be applied on the same reload.
 */
public record MigrationsFolder(Path source, Optional<Path> classpathCopy, String flywayLocation) {

    /** The datasource's folder: the configured one, else its Flyway location under the source resources. */
    static MigrationsFolder resolve(Optional<String> configured, TargetDatasource target, Path projectDir) {
        String location = target.flywayLocation();
        Path source = configured.map(c -> projectDir.resolve(VendorFolders.substitute(c, target.dialect())).normalize())
                .orElseGet(() -> sourceResourcesDir(projectDir).resolve(location));
        return new MigrationsFolder(source, classpathDir(location), location);
    }

    /**
     * The folders of the other databases the application ships migrations for ({@code quarkus.flyway-autogen.vendors}),
     * beside this one, which belongs to {@code vendor}; empty when there are none.
     */
    Map<String, MigrationsFolder> otherVendors(String vendor, List<String> vendors) {
        Map<String, Path> sources = VendorFolders.resolve(source, vendor, vendors);
        Map<String, Path> locations = VendorFolders.resolve(Path.of(flywayLocation), vendor, vendors);
        Map<String, MigrationsFolder> others = new LinkedHashMap<>();
        sources.forEach((name, folder) -> {
            if (!folder.equals(source)) {
                String location = locations.get(name).toString().replace('\\', '/');
                others.put(name, new MigrationsFolder(folder, classpathDir(location), location));
            }
        });
        return others;
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
