package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import dev.petmanager.storage.ConstraintFailure.Kind;

/**
 * SQLite's own refusals, produced by a real SQLite database through the same driver the service uses, each
 * classified by kind and the columns SQLite names.
 */
class ConstraintFailureTest {

    @TempDir
    Path folder;
    private Connection connection;

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @BeforeEach
    void schema() throws SQLException {
        SQLiteDataSource database = new SQLiteDataSource();
        database.setUrl("jdbc:sqlite:" + folder.resolve("constraints.db") + "?foreign_keys=true");
        connection = database.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)");
            sql.execute("CREATE TABLE pets (id INTEGER PRIMARY KEY, name TEXT NOT NULL, weight INTEGER"
                    + " CONSTRAINT ck_pets_weight CHECK (weight > 0), owner_id INTEGER NOT NULL REFERENCES users (id))");
            sql.execute("INSERT INTO users (id, email) VALUES (1, 'ann@example.com')");
        }
    }

    @Test
    void aTakenUniqueValueNamesItsColumn() {
        assertEquals(Optional.of(new ConstraintFailure(Kind.UNIQUE, "users.email")),
                classify("INSERT INTO users (id, email) VALUES (2, 'ann@example.com')"));
        assertEquals(Optional.of(new ConstraintFailure(Kind.UNIQUE, "users.id")),
                classify("INSERT INTO users (id, email) VALUES (1, 'bob@example.com')"));
    }

    @Test
    void aMissingReferenceIsAForeignKeyFailure() {
        assertEquals(Optional.of(new ConstraintFailure(Kind.FOREIGN_KEY, "")),
                classify("INSERT INTO pets (id, name, owner_id) VALUES (1, 'Rex', 42)"));
    }

    @Test
    void notNullAndCheckFailuresAreTheirOwnKinds() {
        assertEquals(Optional.of(new ConstraintFailure(Kind.NOT_NULL, "pets.name")),
                classify("INSERT INTO pets (id, name, owner_id) VALUES (1, NULL, 1)"));
        assertEquals(Kind.CHECK, classify("INSERT INTO pets (id, name, weight, owner_id) VALUES (1, 'Rex', 0, 1)")
                .orElseThrow().kind());
    }

    @Test
    void otherFailuresAreNoConstraintFailure() {
        assertEquals(Optional.empty(), classify("INSERT INTO nowhere VALUES (1)"));
        assertEquals(Optional.empty(), ConstraintFailure.of(null));
    }

    private Optional<ConstraintFailure> classify(String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        });
        return ConstraintFailure.of(refused);
    }
}
