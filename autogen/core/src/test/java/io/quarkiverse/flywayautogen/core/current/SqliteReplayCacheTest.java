package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The replay cache on SQLite: copies of the scratch file in the cache directory, their digest in their name. */
class SqliteReplayCacheTest extends ReplayCacheContract {

    @Override
    Dialect dialect() {
        return new SqliteDialect();
    }

    /** Another valid database under the newest snapshot's name: only the digest can tell. */
    @Override
    void damageNewestSnapshot() throws Exception {
        String newest = MigrationChain.read(folder, "sqlite").keyAfter(3).orElseThrow();
        Path dir = cache.directory().orElseThrow();
        Path snapshot;
        Path other;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            snapshot = all.stream().filter(f -> f.getFileName().toString().startsWith(newest)).findFirst().orElseThrow();
            other = all.stream().filter(f -> !f.equals(snapshot)).findFirst().orElseThrow();
        }
        Files.copy(other, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void truncatedSnapshotIsDroppedNotUsed() throws Exception {
        assertReplay(3, 0);
        try (Stream<Path> files = Files.list(cache.directory().orElseThrow())) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[]{1, 2, 3});
            }
        }
        assertReplay(3, 0);
    }

    @Test
    void cacheDirectoryIsTheBuildOutputOfTheProjectHoldingTheMigrations() throws Exception {
        Files.writeString(work.resolve("pom.xml"), "<project/>");
        assertEquals(work.resolve("target/flyway-autogen/replay-cache"),
                new ReplayCacheSettings(true, java.util.Optional.empty(), 8, 1 << 20).directoryFor(work.resolve("src/main/resources/db/migration")));
    }

    @Test
    void cacheIsTurnedOffBySystemProperty() {
        ReplayCacheSettings off = ReplayCacheSettings.configured(k -> k.equals(ReplayCacheSettings.ENABLED_PROPERTY) ? "false" : null, k -> null);
        assertEquals(false, off.enabled());
        ReplayCacheSettings on = ReplayCacheSettings.configured(k -> null, k -> k.equals("FLYWAY_AUTOGEN_REPLAY_CACHE_ENTRIES") ? "3" : null);
        assertEquals(true, on.enabled());
        assertEquals(3, on.maxEntries());
    }
}
