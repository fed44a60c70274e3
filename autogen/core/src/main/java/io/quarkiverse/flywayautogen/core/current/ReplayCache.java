package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ReplaySnapshots;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A replay that starts from the longest prefix of the migrations whose state is kept ({@link MigrationChain} keys
 * it), replays only what follows, and keeps two states for next time: after every migration, and after all but the
 * newest, since dev mode amends its newest migration (the draft) over and over, and a draft amended is replayed on
 * top of the state before it.
 * <p>
 * The prefix is validated here, by its key (version, path, bytes and configuration of every migration in it), not
 * by Flyway: Flyway then only applies what follows, and does not re-read every applied script's checksum.
 * A replay from a snapshot that fails is done again from an empty database, so that a damaged snapshot can cost
 * time but never a wrong answer: when the full replay passes, the snapshot was at fault and is dropped.
 */
final class ReplayCache {

    /** The replayed database, and how many of its migrations came from a snapshot. */
    record Replayed(ScratchDatabase database, int fromCache) {
    }

    private final Dialect dialect;
    private final ReplaySnapshots snapshots;
    private final ReplayCacheSettings settings;

    ReplayCache(Dialect dialect, ReplaySnapshots snapshots, ReplayCacheSettings settings) {
        this.dialect = dialect;
        this.snapshots = snapshots;
        this.settings = settings;
    }

    Replayed replay(Path migrationsDir, MigrationChain chain) {
        Set<String> present = new HashSet<>();
        snapshots.list().forEach(s -> present.add(s.key()));
        ScratchDatabase db = null;
        int from = 0;
        for (int k = chain.size(); k >= 1 && db == null; k--) {
            String key = chain.keyAfter(k).orElseThrow();
            if (present.contains(key)) {
                Optional<ScratchDatabase> opened = snapshots.open(key, "replay");
                if (opened.isPresent() && holdsHistory(opened.get(), chain, k)) {
                    db = opened.get();
                    from = k;
                } else if (opened.isPresent()) {
                    opened.get().close();
                    forget(key);
                }
            }
        }
        if (db == null) {
            db = dialect.newScratchDatabase("replay");
        }
        try {
            advance(db, migrationsDir, chain, from);
        } catch (RuntimeException failed) {
            db.close();
            if (from == 0) {
                throw failed;
            }
            db = dialect.newScratchDatabase("replay");
            try {
                advance(db, migrationsDir, chain, 0);
            } catch (RuntimeException alsoFromScratch) {
                db.close();
                throw alsoFromScratch; // the migrations' fault: the snapshot stays
            }
            forget(chain.keyAfter(from).orElseThrow());
            from = 0;
        }
        List<String> kept = new ArrayList<>(List.of(chain.keyAfter(chain.size()).orElseThrow()));
        chain.keyAfter(chain.size() - 1).ifPresent(kept::add);
        if (from < chain.size()) { // nothing saved, nothing to evict: the bound held after the last save
            trim(Set.copyOf(kept));
        }
        snapshots.prepare(db, kept);
        return new Replayed(db, from);
    }

    /**
     * Whether Flyway's history in the copy lists exactly the first {@code count} migrations of the chain: a snapshot
     * that is not what its name says (emptied, replaced, from another tool) is never taken for the prefix.
     */
    static boolean holdsHistory(ScratchDatabase db, MigrationChain chain, int count) {
        List<String> applied = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, script FROM flyway_schema_history WHERE success"
                     + " AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                applied.add(rs.getString(1) + " " + rs.getString(2));
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(chain.versions().get(i) + " " + chain.scripts().get(i));
        }
        return applied.equals(expected);
    }

    /** From the state after {@code from} migrations to the state after all, saving the last two states on the way. */
    private void advance(ScratchDatabase db, Path migrationsDir, MigrationChain chain, int from) {
        int all = chain.size();
        if (from < all - 1) {
            MigrationReplayer.migrate(db, List.of(migrationsDir), Optional.of(chain.versionAt(all - 1)), from == 0);
            save(db, chain.keyAfter(all - 1).orElseThrow());
            from = all - 1;
        }
        if (from < all) {
            MigrationReplayer.migrate(db, List.of(migrationsDir), Optional.of(chain.versionAt(all)), false);
            save(db, chain.keyAfter(all).orElseThrow());
        }
    }

    /** A state that cannot be kept (a full disk, a role without CREATEDB on the server) only costs the next run time. */
    private void save(ScratchDatabase db, String key) {
        try {
            snapshots.save(db, key);
        } catch (RuntimeException e) {
            // the replay itself stands
        }
    }

    /** Drops a snapshot, and the model read from it with it. */
    private void forget(String key) {
        snapshots.delete(key);
        ReplayedModels.forget(dialect.name(), snapshots.location(), key);
    }

    /** Least recently used first, never the two states this replay just used or kept. */
    private void trim(Set<String> keep) {
        List<ReplaySnapshots.Snapshot> newestFirst = snapshots.list().stream()
                .sorted(Comparator.comparingLong(ReplaySnapshots.Snapshot::lastUsedMillis).reversed()).toList();
        int kept = 0;
        long bytes = 0;
        for (ReplaySnapshots.Snapshot s : newestFirst) {
            if (keep.contains(s.key())) {
                kept++;
                bytes += s.bytes();
            }
        }
        for (ReplaySnapshots.Snapshot s : newestFirst) {
            if (keep.contains(s.key())) {
                continue;
            }
            if (kept + 1 > settings.maxEntries() || bytes + s.bytes() > settings.maxBytes()) {
                forget(s.key());
            } else {
                kept++;
                bytes += s.bytes();
            }
        }
    }
}
