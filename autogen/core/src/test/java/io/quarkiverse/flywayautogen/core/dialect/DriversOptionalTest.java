package io.quarkiverse.flywayautogen.core.dialect;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The JDBC drivers are optional dependencies of core: on a class path without them the engine still finds every
 * dialect and makes one, since only a dialect's data source and connections touch its driver.
 */
class DriversOptionalTest {

    @Test
    void dialectsAreFoundAndMadeWithoutAnyJdbcDriver() throws Exception {
        URL[] withoutDrivers = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("sqlite-jdbc") && !entry.contains(File.separator + "postgresql" + File.separator)
                        && !entry.contains("mariadb-java-client"))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(withoutDrivers, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.sqlite.JDBC"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.postgresql.Driver"));
            Class<?> dialects = loader.loadClass(Dialects.class.getName());
            @SuppressWarnings("unchecked")
            List<Object> providers = (List<Object>) dialects.getMethod("providers").invoke(null);
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.mariadb.jdbc.Driver"));
            assertEquals(4, providers.size());
            Object sqlite = dialects.getMethod("require", String.class, Optional.class).invoke(null, "sqlite", Optional.empty());
            assertEquals("sqlite", sqlite.getClass().getMethod("name").invoke(sqlite));
            Object mariadb = dialects.getMethod("require", String.class, Optional.class).invoke(null, "mariadb",
                    Optional.of(loader.loadClass(DevDatabase.class.getName()).getConstructors()[0]
                            .newInstance("jdbc:mariadb://db/app", null, null, true)));
            assertEquals("mariadb", mariadb.getClass().getMethod("name").invoke(mariadb));
        }
    }
}
