package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.model.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current model read back from a replayed state, kept in memory (this JVM: the dev-mode session) under the key of
 * the state it was read from, so a comparison whose whole replay came from a kept snapshot reads nothing: reading a
 * thousand tables back costs more than the rest of the comparison.
 * <p>
 * Never stale: the key is the snapshot's ({@link MigrationChain}: every migration's version, path, bytes and
 * configuration, in order, and the dialect), plus where the snapshots live (another shadow server is another key).
 * A model is taken only when every migration came from the snapshot of that very key, which the replay opened and
 * checked ({@code ReplayCache}), and it is forgotten whenever that snapshot is dropped (damaged, or evicted), exactly
 * as the snapshot is. A replay that ran any migration reads again and replaces it.
 */
public final class ReplayedModels {

    /** What a comparison reads from the replayed database: the schema, and what the reader could not compare. */
    public record Model(Schema schema, List<String> notCompared) {
        public Model {
            notCompared = List.copyOf(notCompared);
        }
    }

    /** A few states: dev mode alternates between the state with its draft and the one before it. */
    private static final int MAX_MODELS = 4;
    private static final Map<String, Model> MODELS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Model> eldest) {
            return size() > MAX_MODELS;
        }
    };

    private ReplayedModels() {
    }

    /** The model of {@code replay}'s database: kept when its whole state came from a snapshot, else {@code read}. */
    public static Model read(MigrationReplayer.Replay replay, Supplier<Model> read) {
        if (replay.modelKey().isEmpty()) {
            return read.get();
        }
        String key = replay.modelKey().get();
        if (replay.replayed() == 0) {
            Model kept;
            synchronized (MODELS) {
                kept = MODELS.get(key);
            }
            if (kept != null) {
                return kept;
            }
        }
        Model model = read.get();
        synchronized (MODELS) {
            MODELS.put(key, model);
        }
        return model;
    }

    static Optional<String> keyOf(String dialect, String location, Optional<String> stateKey) {
        return stateKey.map(state -> dialect + " " + location + " " + state);
    }

    static void forget(String dialect, String location, String stateKey) {
        synchronized (MODELS) {
            MODELS.remove(keyOf(dialect, location, Optional.of(stateKey)).orElseThrow());
        }
    }

    /** For tests: whether a model is kept under {@code replay}'s key. */
    static boolean holds(MigrationReplayer.Replay replay) {
        synchronized (MODELS) {
            return replay.modelKey().map(MODELS::containsKey).orElse(false);
        }
    }
}
