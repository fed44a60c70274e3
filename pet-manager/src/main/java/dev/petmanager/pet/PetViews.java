package dev.petmanager.pet;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.hibernate.engine.spi.SessionFactoryImplementor;

import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.TransactionScoped;

/**
 * Pets as the API shows them, remembered by id where the process is the database's only writer (SQLite, where pets
 * are in Hibernate's second-level cache for the same reason), so that {@code GET /pets/{id}} answers a remembered pet
 * without opening a Hibernate session or turning a cache entry back into an entity (bench/README.md, issue 23). A
 * view holds the pet and its owner's id, never whose it is: the caller's access is checked on every request, as it
 * is for a pet read from the database. On PostgreSQL, whose replicas share the database, nothing is remembered.
 * <p>
 * Why a remembered view is never stale: every change to the database is made in a JTA transaction ({@code
 * WriteTransactions}; the architecture test holds the service to it), and Quarkus' transaction manager fires
 * {@code @Destroyed(TransactionScoped.class)} after {@code commit()} returned, i.e. after the database committed and
 * after Hibernate brought its second-level cache up to date. Each such end raises {@link #generation}. A view is
 * remembered with the generation read <em>before</em> it was loaded and served only while the generation is still
 * that one. So a view loaded before (or during) a commit is dropped at that commit's end, and a view served was
 * loaded after the end of every transaction that ended before the request began. A racing read cannot put back a
 * stale view: its generation is already an old one. Any transaction, also one that changed no pet, ends every view:
 * cheap and conservative (a write answers only after its commit's end, so a read sent after a write's answer always
 * sees it).
 */
@Singleton
public class PetViews {

    /** Enough for every pet a busy process serves; past it the map starts over rather than grow without bound. */
    static final int MAX_REMEMBERED = 100_000;

    private record Remembered(PetView view, long generation) {
    }

    /** Static, so that a transaction's end needs no instance (nor the persistence unit it is made from). */
    private static final AtomicLong generation = new AtomicLong();

    private final boolean enabled;
    private final Map<Long, Remembered> views = new ConcurrentHashMap<>();

    @Inject
    public PetViews(EntityManagerFactory factory) {
        // the same criterion as PetRows.cached(): the process owns the database file
        this(factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(Pet.class).getCacheAccessStrategy() != null);
    }

    PetViews(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Pet {@code id} as the API shows it, to anyone: remembered, or {@code load}ed now (empty when there is no such
     * pet, which is not remembered).
     */
    Optional<PetView> find(long id, Supplier<Optional<PetView>> load) {
        if (!enabled) {
            return load.get();
        }
        long current = generation.get();
        Remembered remembered = views.get(id);
        if (remembered != null && remembered.generation() == current) {
            return Optional.of(remembered.view());
        }
        Optional<PetView> loaded = load.get();
        loaded.ifPresent(view -> {
            if (views.size() >= MAX_REMEMBERED) {
                views.clear();
            }
            views.put(id, new Remembered(view, current));
        });
        return loaded;
    }

    /** A transaction ended (committed or rolled back): what was remembered before may have changed. */
    static void transactionEnded(@Observes @Destroyed(TransactionScoped.class) Object transaction) {
        generation.incrementAndGet();
    }
}
