package dev.petmanager.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service at a new SQLite file in a folder that does not exist yet, so every run also proves that the
 * service creates the folder and applies all migrations from scratch. Works for {@code @QuarkusTest} and for the
 * packaged jar or native binary under {@code @QuarkusIntegrationTest} (the path is passed to the process).
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile Path file;

    @Override
    public Map<String, String> start() {
        file = Path.of("target", "test-db", UUID.randomUUID().toString(), "pet-manager.db").toAbsolutePath();
        return Map.of("pet-manager.db.path", file.toString());
    }

    @Override
    public void stop() {
        // The file stays under target/ for post-mortems.
    }

    public static Path file() {
        if (file == null) {
            throw new IllegalStateException("FreshDatabase has not been started");
        }
        return file;
    }
}
