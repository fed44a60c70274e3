package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.dialect.ReplaySnapshots;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a folder of Flyway migrations into a scratch database of the dialect: the "current" schema is what
 * the migrations build, not what some live database happens to hold.
 */
public final class MigrationReplayer {

    /**
     * The replayed database and how long the replay took (reported apart from the diff time); of its versioned
     * migrations, {@code replayed} were run now and {@code fromCache} came with a kept state ({@link ReplayCache});
     * {@code modelKey}, when the state is cached, names it for {@link ReplayedModels}.
     */
    public record Replay(ScratchDatabase database, long elapsedMillis, int replayed, int fromCache, Optional<String> modelKey) {

        public Replay(ScratchDatabase database, long elapsedMillis, int replayed, int fromCache) {
            this(database, elapsedMillis, replayed, fromCache, Optional.empty());
        }
    }

    private final Dialect dialect;

    public MigrationReplayer(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Every migration, into an empty database. */
    public Replay replay(Path migrationsDir) {
        return replay(migrationsDir, ReplayCacheSettings.off());
    }

    /** From the longest prefix of the migrations whose state {@code cache} kept, when it is on and the dialect keeps any. */
    public Replay replay(Path migrationsDir, ReplayCacheSettings cache) {
        if (!Files.isDirectory(migrationsDir)) {
            throw new io.quarkiverse.flywayautogen.core.AutogenException("migrations directory does not exist: " + migrationsDir);
        }
        VersionConflicts.check(migrationsDir);
        long start = System.nanoTime();
        MigrationChain chain = MigrationChain.read(migrationsDir, dialect.name());
        Optional<ReplaySnapshots> snapshots = cache.enabled() && chain.cacheable() && chain.size() > 0
                ? dialect.replaySnapshots(cache.directoryFor(migrationsDir)) : Optional.empty();
        try {
            if (snapshots.isPresent()) {
                ReplayCache.Replayed replayed = new ReplayCache(dialect, snapshots.get(), cache).replay(migrationsDir, chain);
                return new Replay(replayed.database(), (System.nanoTime() - start) / 1_000_000,
                        chain.size() - replayed.fromCache(), replayed.fromCache(),
                        ReplayedModels.keyOf(dialect.name(), snapshots.get().location(), chain.keyAfter(chain.size())));
            }
            ScratchDatabase db = dialect.newScratchDatabase("replay");
            try {
                migrate(db, List.of(migrationsDir));
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return new Replay(db, (System.nanoTime() - start) / 1_000_000, chain.size(), 0);
        } catch (RuntimeException e) {
            throw new io.quarkiverse.flywayautogen.core.AutogenException("replaying migrations from " + migrationsDir + " failed: " + rootMessage(e), e);
        }
    }

    /** Runs Flyway over the given script folders against the scratch database, as the application would. */
    public static void migrate(ScratchDatabase db, List<Path> locations) {
        migrate(db, locations, Optional.empty(), true);
    }

    /**
     * Applies the scripts in {@code locations} after the first, on a copy of a replay of the first: the migrations
     * there are applied already (the copy's history says so), so Flyway is shown only the new scripts and does not
     * re-read and re-validate every applied one, which in a folder of hundreds costs more than the scripts.
     */
    public static void migrateOnTop(ScratchDatabase replayCopy, List<Path> locations) {
        migrate(replayCopy, locations.subList(1, locations.size()), Optional.empty(), false);
    }

    /**
     * Up to {@code target} (a Flyway version) when given; {@code validate} false when the applied migrations are
     * known to be the folder's (a kept state's key says so) and Flyway need not read them all again.
     */
    static void migrate(ScratchDatabase db, List<Path> locations, Optional<String> target, boolean validate) {
        List<String> flywayLocations = new ArrayList<>();
        for (Path location : locations) {
            flywayLocations.add("filesystem:" + location.toAbsolutePath());
        }
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations(flywayLocations.toArray(String[]::new))
                .validateOnMigrate(validate)
                .configuration(db.flywaySettings());
        target.ifPresent(configuration::target);
        FlywayWarningsOnly.migrate(configuration.load());
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
