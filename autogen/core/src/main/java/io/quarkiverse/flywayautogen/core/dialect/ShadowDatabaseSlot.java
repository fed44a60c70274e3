package io.quarkiverse.flywayautogen.core.dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What every server dialect's shadow database is besides its SQL: a fresh name on the server,
 * {@code autogen_<purpose>_<random>} (the prefix users grant rights on and tests look for), and the private
 * temporary folder that lives as long as the database ({@link ScratchDatabase#directory()}). Each dialect creates,
 * copies and drops the database itself; it calls {@link #deleteDirectory()} when it has dropped it.
 *
 * @param name      the database's name, unquoted
 * @param directory the scratch folder, already created
 */
public record ShadowDatabaseSlot(String name, Path directory) {

    /** What every shadow database's name starts with. */
    public static final String PREFIX = "autogen_";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new name for {@code purpose} ({@code replay}, {@code check}...) and its folder. {@code maxNameLength}: the
     * server's limit on a database's name (MariaDB: 64; PostgreSQL truncates past 63); the purpose is shortened to fit,
     * the random part never is.
     */
    public static ShadowDatabaseSlot allocate(String purpose, int maxNameLength) {
        String random = "_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String prefix = PREFIX + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String name = prefix.substring(0, Math.min(prefix.length(), maxNameLength - random.length())) + random;
        try {
            return new ShadowDatabaseSlot(name, Files.createTempDirectory("flyway-autogen-" + purpose + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory", e);
        }
    }

    /** Removes the folder and what the run wrote there. */
    public void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temp files only; the OS cleans the temp dir eventually.
        }
    }
}
