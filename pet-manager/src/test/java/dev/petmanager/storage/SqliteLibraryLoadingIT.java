package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import dev.petmanager.support.Management;
import dev.petmanager.support.PackagedService;

/**
 * Where the packaged service gets SQLite's JNI library from. The native executable loads the copy it carries from
 * a sealed memory file, so it writes nothing to the temporary folder at start (and never asks the operating system
 * which it is, a {@code uname} subprocess); the jar keeps sqlite-jdbc's own way, a copy extracted there. Read from
 * the running process' memory map.
 */
@DisabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "the PostgreSQL build opens no SQLite connection, so it loads no SQLite library")
class SqliteLibraryLoadingIT {

    @Test
    void libraryComesFromTheExecutableOrIsExtractedForTheJar() throws Exception {
        Path folder = Path.of("target", "test-db", UUID.randomUUID().toString()).toAbsolutePath();
        Path temporary = Files.createDirectories(folder.resolve("tmp"));
        Process service = PackagedService.startUntilReady(folder.resolve("pet-manager.db"), Management.freePort(),
                Management.freePort(), List.of("-Djava.io.tmpdir=" + temporary));
        try {
            List<String> mappings = Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "maps")).stream()
                    .filter(line -> line.contains("sqlite")).toList();
            assertTrue(!mappings.isEmpty(), "the library is mapped into the process");
            if (PackagedService.isNative()) {
                assertTrue(mappings.stream().allMatch(line -> line.endsWith("/memfd:sqlite-jdbc (deleted)")),
                        String.join("\n", mappings));
                assertEquals(List.of(), sqliteFilesIn(temporary), "nothing of SQLite in the temporary folder");
            } else {
                assertTrue(mappings.stream().allMatch(line -> line.contains(temporary.toString())),
                        String.join("\n", mappings));
            }
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private static List<Path> sqliteFilesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().contains("sqlite")).toList();
        }
    }
}
