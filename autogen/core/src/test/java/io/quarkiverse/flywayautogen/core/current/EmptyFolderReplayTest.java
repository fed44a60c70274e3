package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A new project's first comparison replays an empty folder: Flyway's "No migrations found. Are your locations set
 * up correctly?" would read as a problem with the user's own Flyway set-up, so the replay does not pass it on.
 */
class EmptyFolderReplayTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Test
    void emptyFolderReplaysWithoutFlywaysNoMigrationsWarning(@TempDir Path folder) throws Exception {
        Logger flyway = Logger.getLogger("org.flywaydb");
        flyway.addHandler(capture);
        try {
            try (var replayed = new MigrationReplayer(new SqliteDialect()).replay(folder).database()) {
                assertEquals(List.of(), warnings);
            }
        } finally {
            flyway.removeHandler(capture);
        }
    }
}
