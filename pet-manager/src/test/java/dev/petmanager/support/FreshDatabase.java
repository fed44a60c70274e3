package dev.petmanager.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database the service has never seen, so every run also proves that the service applies all migrations from
 * scratch. On SQLite a new file in a folder that does not exist yet (the service creates the folder); on PostgreSQL a
 * new database on the test server ({@link TestDatabase}), dropped when the tests that share it are done. Works for
 * {@code @QuarkusTest} and for the packaged jar or native binary under {@code @QuarkusIntegrationTest} (the settings
 * are passed to the process). The service's management interface gets a free port too ({@link Management}).
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile Path file;
    private static volatile String postgresDatabase;
    private String created;

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(Management.onAFreePort());
        if (TestDatabase.isPostgresql()) {
            created = TestDatabase.createPostgresDatabase();
            postgresDatabase = created;
            settings.putAll(Map.of("quarkus.datasource.jdbc.url", TestDatabase.urlOf(created),
                    "quarkus.datasource.username", TestDatabase.user(),
                    "quarkus.datasource.password", TestDatabase.password()));
            return settings;
        }
        file = Path.of("target", "test-db", UUID.randomUUID().toString(), "pet-manager.db").toAbsolutePath();
        settings.put("pet-manager.db.path", file.toString());
        return settings;
    }

    @Override
    public void stop() {
        // A SQLite file stays under target/ for post-mortems; a PostgreSQL database would stay on a shared server.
        if (created != null) {
            TestDatabase.dropPostgresDatabase(created);
        }
    }

    /** The SQLite file of the running service. */
    public static Path file() {
        if (file == null) {
            throw new IllegalStateException("FreshDatabase has not been started on SQLite");
        }
        return file;
    }

    /** The JDBC URL of the running service's database, for tests that look into it ({@link Db}). */
    public static String jdbcUrl() {
        if (TestDatabase.isPostgresql()) {
            if (postgresDatabase == null) {
                throw new IllegalStateException("FreshDatabase has not been started on PostgreSQL");
            }
            return TestDatabase.urlOf(postgresDatabase);
        }
        return "jdbc:sqlite:" + file() + "?busy_timeout=30000&foreign_keys=true";
    }
}
