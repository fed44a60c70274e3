package io.quarkiverse.flywayautogen.core.dialect;

import java.util.List;
import java.util.Optional;

/**
 * Where a dialect keeps replayed databases between runs, so that the next replay starts from one instead of from an
 * empty database (see {@code current.ReplayCache}, which decides what to keep). Keys are lower-case hex. Every
 * operation is safe against another process using the same store at the same time: a snapshot appears whole or
 * not at all, and one that disappears or does not verify is simply not there.
 */
public interface ReplaySnapshots {

    /** One stored snapshot; {@code lastUsedMillis} orders eviction. */
    record Snapshot(String key, long lastUsedMillis, long bytes) {
    }

    List<Snapshot> list();

    /** A new scratch database holding a copy of the snapshot; empty when it is gone or damaged (then it is dropped). */
    Optional<ScratchDatabase> open(String key, String purpose);

    /** Stores a copy of {@code database} (no connection may be open on it) under {@code key}, all or nothing. */
    void save(ScratchDatabase database, String key);

    void delete(String key);

    /**
     * Makes ahead of time, in the background, what {@link #open} of these keys (the states the cache just kept) will
     * need, where that saves the next comparison time (a server's copy of a template): once {@code inUse}, the
     * database this replay hands out, is closed, so that the work never competes with the comparison. Never blocks.
     */
    default void prepare(ScratchDatabase inUse, List<String> keys) {
    }

    /**
     * Where the snapshots live (a directory, a server), so that what is remembered about one store's snapshot is
     * never taken for another's with the same key.
     */
    default String location() {
        return "";
    }
}
