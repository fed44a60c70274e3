package dev.petmanager.api;

import dev.petmanager.api.problem.AllowedMethods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.petmanager.ApiResources;

/** The Allow table of 405 answers: right per path, and built from every resource class of the service. */
class AllowedMethodsTest {

    private final AllowedMethods allowed = new AllowedMethods(ApiResources.ALL);

    @Test
    void eachPathListsItsOwnMethods() {
        assertEquals(Optional.of("GET, HEAD, OPTIONS, POST"), allowed.forPath("/users"));
        assertEquals(Optional.of("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"), allowed.forPath("/users/42"));
        assertEquals(Optional.of("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"), allowed.forPath("/users/42/"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), allowed.forPath("/users/42/pets"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS, POST"), allowed.forPath("/pets"));
        assertEquals(Optional.of("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"), allowed.forPath("/pets/7"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), allowed.forPath("/"));
        assertEquals(Optional.empty(), allowed.forPath("/users/42/pets/3"));
    }

    @Test
    void everyResourceClassIsInTheTable() throws IOException, URISyntaxException {
        Path classes = Path.of(AllowedMethods.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> resources;
        try (Stream<Path> files = Files.walk(classes)) {
            resources = files.map(f -> classes.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    // dev mode's token endpoint is no part of the API the service ships
                    .filter(type -> !type.isAnnotationPresent(io.quarkus.arc.profile.IfBuildProfile.class))
                    .map(Class::getName).sorted().toList();
        }
        assertEquals(resources,
                ApiResources.ALL.classes().stream().map(Class::getName).sorted().toList());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AllowedMethodsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
