package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The PostgreSQL write strategy as the service runs it: two writes that deadlock both commit (PostgreSQL aborts one,
 * which runs again), a write that breaks a constraint is not run again, and a checked exception reaches the caller as
 * it was thrown.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@EnabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "the PostgreSQL write strategy (-Ppostgresql); SQLite runs the WriteQueue")
class ConcurrentWriteTransactionsTest {

    @Inject
    WriteTransactions writes;
    @Inject
    EntityManager entityManager;

    @Test
    void theServiceRunsConcurrentTransactionsOnPostgresql() {
        assertTrue(writes instanceof ConcurrentWriteTransactions, "strategy: " + writes.getClass());
    }

    @Test
    void twoWritesThatDeadlockBothCommitAfterPostgresqlAbortsOne() throws Exception {
        long ann = Api.createUser("Dead Ann", Api.uniqueEmail("dl-ann"));
        long bob = Api.createUser("Dead Bob", Api.uniqueEmail("dl-bob"));
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(
                () -> renameBoth(ann, bob, "first", bothLocked, attempts));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(
                () -> renameBoth(bob, ann, "second", bothLocked, attempts));

        assertEquals(List.of("first", "second"), List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)));
        assertEquals(3, attempts.get(), "two writes, one of them run again after PostgreSQL's deadlock abort");
        // Whichever committed last renamed both users: the two names are the same, and both versions moved twice.
        Object annName = Db.row("SELECT name FROM users WHERE id = ?", ann).get("name");
        assertEquals(annName, Db.row("SELECT name FROM users WHERE id = ?", bob).get("name"));
        assertEquals(2, Db.count("SELECT count(*) FROM users WHERE id IN (?, ?) AND version = 2", ann, bob));
    }

    @Test
    void aConstraintFailureIsNotRunAgain() {
        String taken = Api.uniqueEmail("taken");
        Api.createUser("Taken", taken);
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException refused = assertThrows(RuntimeException.class, () -> writes.execute(() -> {
            attempts.incrementAndGet();
            return entityManager.createNativeQuery("INSERT INTO users (name, email, created_at, version)"
                    + " VALUES ('Again', ?1, now(), 0)").setParameter(1, taken).executeUpdate();
        }));
        assertEquals(1, attempts.get());
        assertTrue(ConstraintFailure.of(findSqlException(refused)).map(f -> f.kind() == ConstraintFailure.Kind.UNIQUE)
                .orElse(false), "a unique violation: " + refused);
    }

    @Test
    void aCheckedExceptionReachesTheCallerAsThrown() {
        IOException thrown = new IOException("not a database failure");
        assertSame(thrown, assertThrows(IOException.class, () -> writes.execute(() -> {
            throw thrown;
        })));
    }

    /** Updates user {@code first}, waits (first attempt only) until the other write holds its row, then {@code then}. */
    private String renameBoth(long first, long then, String name, CyclicBarrier bothLocked, AtomicInteger attempts) {
        AtomicInteger mine = new AtomicInteger();
        return writes.execute(() -> {
            attempts.incrementAndGet();
            rename(first, name);
            if (mine.incrementAndGet() == 1) {
                try {
                    bothLocked.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            rename(then, name);
            return name;
        });
    }

    private void rename(long user, String name) {
        entityManager.createNativeQuery("UPDATE users SET name = ?1, version = version + 1 WHERE id = ?2")
                .setParameter(1, name).setParameter(2, user).executeUpdate();
    }

    private static java.sql.SQLException findSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
