package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.PackagedService;

/**
 * What ships holds nothing of the migration generator: the engine, the extension's build steps and its Dev UI
 * belong to dev mode and the build; nor anything of dev mode's token issuer. Checked on the artifact this build produced, the fast-jar or the executable.
 */
class ShippedArtifactIT {

    /**
     * Packages that exist only on the build class path, or only in dev mode (the dev token issuer); a class of theirs
     * in the artifact is a leak.
     */
    private static final List<String> BUILD_ONLY = List.of("io/quarkiverse/flywayautogen/core/",
            "io/quarkiverse/flywayautogen/deployment/", "dev/petmanager/devauth/");

    @Test
    void theArtifactCarriesNoGeneratorClasses() throws IOException {
        Path artifact = PackagedService.artifact();
        if (Files.isDirectory(artifact)) {
            assertEquals(List.of(), leakedJarEntries(artifact));
        } else {
            // A native image keeps the name of every class it contains (for Class.getName()); so the entities'
            // names must be in it, and no generator class name may be.
            String image = new String(Files.readAllBytes(artifact), StandardCharsets.ISO_8859_1);
            assertTrue(image.contains("dev.petmanager.pet.Pet"), "class names are findable in " + artifact);
            for (String buildOnly : BUILD_ONLY) {
                String className = buildOnly.replace('/', '.');
                if (buildOnly.startsWith("dev/petmanager/devauth/")) {
                    continue; // below: its resource's name is recorded as a left-out resource, without its code
                }
                assertTrue(!image.contains(className), className + "* found in " + artifact);
            }
            // The dev issuer's classes are left out of the jar that native-image compiles, so no code of theirs can be
            // in the executable. Only the name of its JAX-RS resource remains there, among the class names Quarkus'
            // build records (the resource is known to the build's index, and left out as a dev-profile bean). The class
            // that holds the keys and signs tokens must not be named at all.
            assertTrue(!image.contains("dev.petmanager.devauth.DevIssuer"), "the dev token issuer is in " + artifact);
            assertEquals(List.of(), leakedJarEntries(nativeImageSources(artifact)),
                    "classes handed to native-image for " + artifact);
        }
    }

    /** The folder Quarkus hands to native-image: the runner jar beside its lib/, as the fast-jar's layout is read. */
    private static Path nativeImageSources(Path executable) {
        return executable.resolveSibling(executable.getFileName().toString().replace("-runner", "") + "-native-image-source-jar");
    }

    private static List<String> leakedJarEntries(Path quarkusApp) throws IOException {
        List<String> leaks = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().contains("flyway-autogen-annotations")),
                "the rename annotation is the one piece that ships: " + jars);
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                // files only: the jar keeps an empty folder entry of a package whose classes were all left out
                zip.stream().filter(e -> !e.isDirectory()).map(e -> e.getName())
                        .filter(e -> BUILD_ONLY.stream().anyMatch(e::startsWith))
                        .forEach(e -> leaks.add(quarkusApp.relativize(jar) + "!" + e));
            }
            String name = jar.getFileName().toString();
            if (name.contains("flyway-autogen-core") || name.contains("flyway-autogen-deployment")) {
                leaks.add(quarkusApp.relativize(jar).toString());
            }
        }
        return leaks;
    }
}
