package dev.petmanager.pet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The rule that keeps remembered pet views right, without a database: a view is served only while no transaction
 * ended since it began to be loaded, so a load that raced a commit is never served afterwards.
 */
class PetViewsTest {

    private static final long ID = 7;

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aViewIsLoadedOnceAndServedUntilATransactionEnds() {
        PetViews views = new PetViews(true);
        PetView first = views.find(ID, loading(pet(0))).orElseThrow();
        assertSame(first, views.find(ID, loading(pet(99))).orElseThrow());
        assertEquals(1, loads.get());

        PetViews.transactionEnded(new Object());
        assertEquals(1, views.find(ID, loading(pet(1))).orElseThrow().version());
        assertEquals(2, loads.get());
    }

    @Test
    void aViewLoadedWhileATransactionEndedIsNotServedAfterwards() {
        PetViews views = new PetViews(true);
        // the load read the row before a commit, which ended while the load was still running
        Supplier<Optional<PetView>> racing = () -> {
            loads.incrementAndGet();
            PetViews.transactionEnded(new Object());
            return Optional.of(pet(0));
        };
        assertEquals(0, views.find(ID, racing).orElseThrow().version()); // this request may answer what it read
        assertEquals(1, views.find(ID, loading(pet(1))).orElseThrow().version()); // the next one reads again
        assertEquals(2, loads.get());
    }

    @Test
    void aMissingPetIsNotRemembered() {
        PetViews views = new PetViews(true);
        assertEquals(Optional.empty(), views.find(ID, loading(null)));
        assertEquals(0, views.find(ID, loading(pet(0))).orElseThrow().version());
        assertEquals(2, loads.get());
    }

    @Test
    void withoutASecondLevelCacheEveryReadLoads() {
        PetViews views = new PetViews(false);
        views.find(ID, loading(pet(0)));
        assertEquals(3, views.find(ID, loading(pet(3))).orElseThrow().version());
        assertEquals(2, loads.get());
    }

    private Supplier<Optional<PetView>> loading(PetView view) {
        return () -> {
            loads.incrementAndGet();
            return Optional.ofNullable(view);
        };
    }

    private static PetView pet(long version) {
        return new PetView(ID, "Rex", Species.DOG, null, null, 1L, Instant.EPOCH, version);
    }
}
