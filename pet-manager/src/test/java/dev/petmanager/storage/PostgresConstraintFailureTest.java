package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.petmanager.storage.ConstraintFailure.Kind;
import dev.petmanager.support.TestDatabase;

/**
 * PostgreSQL's own refusals, produced by a real server through the driver the service uses: each constraint kind is
 * known by its SQLSTATE, and a deadlock is a lost race ({@link WriteFailure#lostARace}), which a write may retry.
 */
@EnabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "needs the PostgreSQL test server (-Ppostgresql)")
class PostgresConstraintFailureTest {

    private static String database;

    @BeforeAll
    static void schema() throws SQLException {
        database = TestDatabase.createPostgresDatabase();
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL CONSTRAINT uq_users_email UNIQUE)");
            sql.execute("CREATE TABLE pets (id integer PRIMARY KEY, name text NOT NULL, weight integer"
                    + " CONSTRAINT ck_pets_weight CHECK (weight > 0),"
                    + " owner_id integer NOT NULL CONSTRAINT fk_pets_owner_id_users REFERENCES users (id))");
            sql.execute("INSERT INTO users (id, email) VALUES (1, 'ann@example.com'), (2, 'bob@example.com')");
            sql.execute("INSERT INTO pets (id, name, owner_id) VALUES (1, 'Rex', 1)");
        }
    }

    @AfterAll
    static void drop() {
        TestDatabase.dropPostgresDatabase(database);
    }

    @Test
    void eachConstraintKindIsKnownByItsSqlState() {
        assertEquals(Optional.of(new ConstraintFailure(Kind.UNIQUE, "uq_users_email")),
                classify("INSERT INTO users (id, email) VALUES (3, 'ann@example.com')", "uq_users_email"));
        assertEquals(Kind.UNIQUE, classify("INSERT INTO users (id, email) VALUES (1, 'new@example.com')", null)
                .orElseThrow().kind(), "a taken primary key");
        assertEquals(Kind.FOREIGN_KEY, classify("INSERT INTO pets (id, name, owner_id) VALUES (2, 'Tom', 99)", null)
                .orElseThrow().kind(), "a reference to no row");
        assertEquals(Kind.FOREIGN_KEY, classify("DELETE FROM users WHERE id = 1", null).orElseThrow().kind(),
                "a delete that leaves a reference");
        assertEquals(Kind.NOT_NULL, classify("INSERT INTO pets (id, owner_id) VALUES (3, 1)", null).orElseThrow().kind());
        assertEquals(Kind.CHECK, classify("INSERT INTO pets (id, name, weight, owner_id) VALUES (4, 'X', 0, 1)", null)
                .orElseThrow().kind());
    }

    @Test
    void otherFailuresAreNoConstraintFailure() {
        assertEquals(Optional.empty(), classify("SELECT * FROM no_such_table", null));
        assertEquals(Optional.empty(), classify("SELECT 1 / 0", null));
    }

    @Test
    void aDeadlockIsALostRaceAndAConstraintFailureIsNot() throws Exception {
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        CompletableFuture<Optional<SQLException>> first = CompletableFuture.supplyAsync(
                () -> updateInOrder(1, 2, bothLocked));
        CompletableFuture<Optional<SQLException>> second = CompletableFuture.supplyAsync(
                () -> updateInOrder(2, 1, bothLocked));
        Optional<SQLException> a = first.get(60, TimeUnit.SECONDS);
        Optional<SQLException> b = second.get(60, TimeUnit.SECONDS);
        assertTrue(a.isPresent() != b.isPresent(), "PostgreSQL aborts exactly one of the two: " + a + " / " + b);
        SQLException victim = a.or(() -> b).orElseThrow();
        assertEquals("40P01", victim.getSQLState());
        assertTrue(WriteFailure.lostARace(new RuntimeException("wrapped as Hibernate does", victim)));

        SQLException unique = assertThrows(SQLException.class, () -> execute(
                "INSERT INTO users (id, email) VALUES (5, 'bob@example.com')"));
        assertFalse(WriteFailure.lostARace(unique));
    }

    /** Locks user {@code first}, waits until the other transaction locked its row, then wants user {@code then}. */
    private static Optional<SQLException> updateInOrder(int first, int then, CyclicBarrier bothLocked) {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.executeUpdate("UPDATE users SET email = email WHERE id = " + first);
                bothLocked.await(30, TimeUnit.SECONDS);
                sql.executeUpdate("UPDATE users SET email = email WHERE id = " + then);
                connection.commit();
                return Optional.empty();
            } catch (SQLException e) {
                connection.rollback();
                return Optional.of(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<ConstraintFailure> classify(String statement, String constraintName) {
        SQLException refused = assertThrows(SQLException.class, () -> execute(statement));
        return ConstraintFailure.of(refused, constraintName);
    }

    private static void execute(String statement) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.urlOf(database), TestDatabase.user(), TestDatabase.password());
    }
}
