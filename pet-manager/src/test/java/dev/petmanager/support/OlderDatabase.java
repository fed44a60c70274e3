package dev.petmanager.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        String url;
        String user = null;
        String password = null;
        if (TestDatabase.isPostgresql()) {
            url = jdbcUrl();
            user = TestDatabase.user();
            password = TestDatabase.password();
        } else {
            try {
                Files.createDirectories(file().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            url = "jdbc:sqlite:" + file() + "?foreign_keys=true";
        }
        migrate(url, user, password, "1");
        // created_at as each database stores an Instant: epoch milliseconds in SQLite, timestamptz in PostgreSQL
        boolean postgres = TestDatabase.isPostgresql();
        String at = postgres ? "to_timestamp(%d / 1000.0)" : "%d";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO users (id, name, email, created_at, version) VALUES"
                    + " (1, 'Old Ann', 'old.ann@example.com', " + at.formatted(1700000000002L) + ", 0),"
                    + " (2, 'Old Bob', 'old.bob@example.com', " + at.formatted(1700000000003L) + ", 3)");
            sql.execute("INSERT INTO pets (id, name, species, birth_date, owner_id, created_at, version) VALUES"
                    + " (1, 'Rex', 'DOG', '2019-05-06', 1, " + at.formatted(1700000000004L) + ", 0),"
                    + " (2, 'Tom', 'CAT', NULL, 1, " + at.formatted(1700000000005L) + ", 1),"
                    + " (3, 'Tweety', 'BIRD', '2022-02-02', 2, " + at.formatted(1700000000006L) + ", 0)");
            if (postgres) {
                // rows inserted with explicit ids leave the identity sequences behind: move them on, as the old
                // release's own inserts would have
                sql.execute("SELECT setval(pg_get_serial_sequence('users', 'id'), 2)");
                sql.execute("SELECT setval(pg_get_serial_sequence('pets', 'id'), 3)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the older database", e);
        }
        return config;
    }

    /** Applies the service's own SQLite migrations up to {@code target} to {@code file}, as an older release did. */
    public static void migrate(String file, String target) {
        migrate("jdbc:sqlite:" + file + "?foreign_keys=true", null, null, target);
    }

    /** Applies the service's own migrations for this database up to {@code target}, as an older release did. */
    public static void migrate(String url, String user, String password, String target) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/" + (url.startsWith("jdbc:postgresql:") ? "postgresql" : "sqlite"))
                .target(target)
                .load()
                .migrate();
    }
}
