package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a folder of Flyway migrations into a scratch database of the dialect: the "current" schema is what
 * the migrations build, not what some live database happens to hold.
 */
public final class MigrationReplayer {

    /** The replayed database and how long the replay took (reported apart from the diff time). */
    public record Replay(ScratchDatabase database, long elapsedMillis) {
    }

    private final Dialect dialect;

    public MigrationReplayer(Dialect dialect) {
        this.dialect = dialect;
    }

    public Replay replay(Path migrationsDir) {
        if (!Files.isDirectory(migrationsDir)) {
            throw new io.quarkiverse.flywayautogen.core.AutogenException("migrations directory does not exist: " + migrationsDir);
        }
        VersionConflicts.check(migrationsDir);
        long start = System.nanoTime();
        ScratchDatabase db = dialect.newScratchDatabase("replay");
        try {
            migrate(db, List.of(migrationsDir));
        } catch (RuntimeException e) {
            db.close();
            throw new io.quarkiverse.flywayautogen.core.AutogenException("replaying migrations from " + migrationsDir + " failed: " + rootMessage(e), e);
        }
        return new Replay(db, (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs Flyway over the given script folders against the scratch database, as the application would. */
    public static void migrate(ScratchDatabase db, List<Path> locations) {
        List<String> flywayLocations = new ArrayList<>();
        for (Path location : locations) {
            flywayLocations.add("filesystem:" + location.toAbsolutePath());
        }
        FlywayWarningsOnly.migrate(Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations(flywayLocations.toArray(String[]::new))
                .load());
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
