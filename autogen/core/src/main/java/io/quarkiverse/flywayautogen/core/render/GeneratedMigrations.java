package io.quarkiverse.flywayautogen.core.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations the generator wrote, recognised by their header rather than remembered: what the folder holds
 * outlives a dev-mode restart, a second machine and a hand-written migration added in between.
 */
public final class GeneratedMigrations {

    private static final Pattern FORWARD = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    /** The mark is on the header's second line; a few lines leave room for a hand-added comment on top. */
    private static final int HEADER_LINES = 5;

    private GeneratedMigrations() {
    }

    /** The highest-versioned forward migration whose header says the generator wrote it. */
    public static Optional<Path> newestIn(Path migrationsDir) {
        if (!Files.isDirectory(migrationsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(migrationsDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> FORWARD.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(GeneratedMigrations::version).reversed())
                    .filter(GeneratedMigrations::generated)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + migrationsDir, e);
        }
    }

    private static MigrationVersion version(Path file) {
        Matcher m = FORWARD.matcher(file.getFileName().toString());
        m.matches();
        return MigrationVersion.parse(m.group(1));
    }

    private static boolean generated(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < HEADER_LINES; i++) {
                String line = in.readLine();
                if (line == null) {
                    return false;
                }
                if (line.startsWith(ScriptRenderer.GENERATED_MARK)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            // not readable as UTF-8 text: the generator writes UTF-8, so not one of its files
            return false;
        }
    }
}
