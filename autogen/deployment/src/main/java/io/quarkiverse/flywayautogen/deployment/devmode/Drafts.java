package io.quarkiverse.flywayautogen.deployment.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.quarkiverse.flywayautogen.core.render.GeneratedMigrations;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;

/**
 * Which migration is a draft: the newest one, when dev mode wrote it (its header says so) and it is not committed.
 * Git decides what is committed (untracked, staged or changed: a draft); without git, or outside a repository, a
 * file is a draft when this dev-mode session wrote it. Older migrations are never drafts: someone may have applied
 * the ones after them.
 */
public final class Drafts {

    private Drafts() {
    }

    /** The draft in the folder, if its newest migration is one. */
    public static Optional<Path> current(Path folder, Set<Path> writtenThisSession) {
        Optional<Path> newestGenerated = GeneratedMigrations.newestIn(folder);
        Optional<MigrationVersion> highest = Files.isDirectory(folder) ? MigrationVersion.highestIn(folder) : Optional.empty();
        if (newestGenerated.isEmpty() || highest.isEmpty() || version(newestGenerated.get()).compareTo(highest.get()) != 0) {
            return Optional.empty();
        }
        Path file = newestGenerated.get();
        boolean draft = GitStatus.committed(file).map(committed -> !committed)
                .orElseGet(() -> writtenThisSession.contains(file.toAbsolutePath().normalize()));
        return draft ? Optional.of(file) : Optional.empty();
    }

    public static MigrationVersion version(Path migration) {
        String name = migration.getFileName().toString();
        return MigrationVersion.parse(name.substring(1, name.indexOf("__")));
    }

    /** The draft and its undo script ({@code U<same version>__...}), if one was written with it. */
    public static Set<String> withUndo(Path draft) {
        Set<String> names = new LinkedHashSet<>();
        names.add(draft.getFileName().toString());
        String undoPrefix = "U" + draft.getFileName().toString().substring(1, draft.getFileName().toString().indexOf("__") + 2);
        try (Stream<Path> files = Files.list(draft.getParent())) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(undoPrefix)).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + draft.getParent(), e);
        }
        return names;
    }
}
