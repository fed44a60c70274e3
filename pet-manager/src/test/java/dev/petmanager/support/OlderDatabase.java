package dev.petmanager.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * A database left by an older release: migrated only to version 1 and holding rows, so that starting the service
 * on it proves that only the pending migrations run and that the rows survive them.
 */
public class OlderDatabase extends FreshDatabase {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try {
            java.nio.file.Files.createDirectories(file().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        migrate(file().toString(), "1");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO users (id, name, email, created_at, version) VALUES"
                    + " (1, 'Old Ann', 'old.ann@example.com', 1700000000002, 0),"
                    + " (2, 'Old Bob', 'old.bob@example.com', 1700000000003, 3)");
            sql.execute("INSERT INTO pets (id, name, species, birth_date, owner_id, created_at, version) VALUES"
                    + " (1, 'Rex', 'DOG', '2019-05-06', 1, 1700000000004, 0),"
                    + " (2, 'Tom', 'CAT', NULL, 1, 1700000000005, 1),"
                    + " (3, 'Tweety', 'BIRD', '2022-02-02', 2, 1700000000006, 0)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the older database", e);
        }
        return config;
    }

    /** Applies the service's own migrations up to {@code target} with plain Flyway, as an older release did. */
    public static void migrate(String file, String target) {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file + "?foreign_keys=true", null, null)
                .locations("classpath:db/migration/sqlite")
                .target(target)
                .load()
                .migrate();
    }
}
