package io.quarkiverse.flywayautogen.core.draft;

import io.quarkiverse.flywayautogen.core.AutogenException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A private copy of a migrations folder without some of its files: the migrations as they were before a draft was
 * written. The engine replays a folder, so "the schema before the draft" and "the draft, generated again from there"
 * are both runs on this copy. Deleted on {@link #close()}.
 */
public final class MigrationsBefore implements AutoCloseable {

    private final Path folder;

    private MigrationsBefore(Path folder) {
        this.folder = folder;
    }

    /** {@code left out}: file names in {@code migrations} (a draft and its undo script). */
    public static MigrationsBefore copyWithout(Path migrations, Set<String> leftOut) {
        try {
            Path copy = Files.createTempDirectory("flyway-autogen-before-draft");
            try (Stream<Path> files = Files.list(migrations)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (!leftOut.contains(file.getFileName().toString())) {
                        Files.copy(file, copy.resolve(file.getFileName()));
                    }
                }
            }
            return new MigrationsBefore(copy);
        } catch (IOException e) {
            throw new AutogenException("cannot copy the migrations in " + migrations + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary folder left behind costs nothing worth failing the generation for
        }
    }
}
