package dev.petmanager.containers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * A SQLite database as an older release leaves it on its volume: the service's own migrations up to a version (by
 * Flyway, the same library and scripts the service runs, so the history and its checksums are the ones the current
 * image validates), and rows written at that schema.
 */
final class OlderRelease {

    private OlderRelease() {
    }

    /** Migrates the file to {@code version} and inserts {@code users} users with one pet each; id to e-mail. */
    static Map<Long, String> database(Path file, String version, int users) throws SQLException {
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target(version)
                .load().migrate();
        Map<Long, String> rows = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url)) {
            long now = System.currentTimeMillis();
            try (PreparedStatement user = db.prepareStatement(
                    "INSERT INTO users (id, name, email, created_at, version) VALUES (?, ?, ?, ?, 0)");
                    PreparedStatement pet = db.prepareStatement("INSERT INTO pets (name, species, birth_date, owner_id,"
                            + " created_at, version, weight_grams) VALUES (?, 'DOG', '2020-02-29', ?, ?, 0, ?)")) {
                for (long id = 1; id <= users; id++) {
                    String email = "older-" + id + "@upgrade.example";
                    user.setLong(1, id);
                    user.setString(2, "Older " + id);
                    user.setString(3, email);
                    user.setLong(4, now);
                    user.executeUpdate();
                    pet.setString(1, "Pet of " + id);
                    pet.setLong(2, id);
                    pet.setLong(3, now);
                    pet.setLong(4, 1000 + id);
                    pet.executeUpdate();
                    rows.put(id, email);
                }
            }
        }
        return rows;
    }
}
