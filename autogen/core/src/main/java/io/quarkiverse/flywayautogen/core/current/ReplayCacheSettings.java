package io.quarkiverse.flywayautogen.core.current;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether and where replayed states are kept between comparisons ({@link ReplayCache}), and how many. Read from
 * system properties, or failing those the environment, as the shadow server's settings are, so that the CLI, the
 * Maven goals and dev mode all take them the same way: {@code -Dflyway-autogen.replay-cache=false} turns the cache
 * off.
 *
 * @param enabled    false: every comparison replays every migration into an empty database
 * @param directory  where file-based snapshots (SQLite) go; empty: {@code target/flyway-autogen/replay-cache} of the
 *                   Maven project holding the migrations ({@code build/...} for Gradle), else the temp directory
 * @param maxEntries at most this many snapshots are kept (least recently used go first)
 * @param maxBytes   and at most this many bytes of them
 */
public record ReplayCacheSettings(boolean enabled, Optional<Path> directory, int maxEntries, long maxBytes) {

    public static final String ENABLED_PROPERTY = "flyway-autogen.replay-cache";
    public static final String DIRECTORY_PROPERTY = "flyway-autogen.replay-cache-dir";
    public static final String ENTRIES_PROPERTY = "flyway-autogen.replay-cache-entries";
    public static final String SIZE_PROPERTY = "flyway-autogen.replay-cache-size-mb";
    /** The state before the newest migration and the state with it, for a few folders or branches. */
    public static final int DEFAULT_ENTRIES = 8;
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    public static ReplayCacheSettings off() {
        return new ReplayCacheSettings(false, Optional.empty(), DEFAULT_ENTRIES, DEFAULT_MAX_BYTES);
    }

    /** On, with snapshots in {@code directory} (tests, and callers that know their build directory). */
    public static ReplayCacheSettings in(Path directory) {
        return new ReplayCacheSettings(true, Optional.of(directory), DEFAULT_ENTRIES, DEFAULT_MAX_BYTES);
    }

    /** From system properties or the environment ({@code FLYWAY_AUTOGEN_REPLAY_CACHE}, ...); on by default. */
    public static ReplayCacheSettings configured() {
        return configured(System::getProperty, System::getenv);
    }

    static ReplayCacheSettings configured(Function<String, String> properties, Function<String, String> environment) {
        Function<String, String> setting = key -> {
            String value = properties.apply(key);
            return value != null && !value.isBlank() ? value.trim()
                    : environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        };
        String enabled = setting.apply(ENABLED_PROPERTY);
        String directory = setting.apply(DIRECTORY_PROPERTY);
        String entries = setting.apply(ENTRIES_PROPERTY);
        String size = setting.apply(SIZE_PROPERTY);
        return new ReplayCacheSettings(enabled == null || !enabled.trim().equalsIgnoreCase("false"),
                directory == null || directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory.trim())),
                entries == null ? DEFAULT_ENTRIES : Integer.parseInt(entries.trim()),
                size == null ? DEFAULT_MAX_BYTES : Long.parseLong(size.trim()) * 1024 * 1024);
    }

    /** The directory for the migrations in {@code migrationsDir}: outside the source tree, in the build's output. */
    public Path directoryFor(Path migrationsDir) {
        if (directory.isPresent()) {
            return directory.get();
        }
        for (Path dir = migrationsDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("target/flyway-autogen/replay-cache");
            }
            if (Files.isRegularFile(dir.resolve("build.gradle")) || Files.isRegularFile(dir.resolve("build.gradle.kts"))) {
                return dir.resolve("build/flyway-autogen/replay-cache");
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "flyway-autogen-replay-cache");
    }
}
