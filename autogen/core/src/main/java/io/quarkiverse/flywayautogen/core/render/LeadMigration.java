package io.quarkiverse.flywayautogen.core.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.quarkiverse.flywayautogen.core.AutogenOptions;

/**
 * The datasource's newest migration, which the other databases' folders follow (see {@link VendorFolders}): their
 * copy of a change gets its version and its name, so that the sets stay in step, version for version.
 *
 * @param version its version ({@code 5} for {@code V5__add_owner_email.sql})
 * @param message its name as a message ({@code add owner email}), which renders back to the same file name
 */
public record LeadMigration(MigrationVersion version, String message) {

    private static final Pattern FORWARD = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.sql");

    /** The versioned migration with the highest version in the folder; empty for an empty or missing folder. */
    public static Optional<LeadMigration> newestIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> FORWARD.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> new LeadMigration(MigrationVersion.parse(m.group(1)), m.group(2).replace('_', ' ')))
                    .max((a, b) -> a.version().compareTo(b.version()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Whether a folder whose highest version is {@code highest} has yet to follow this migration. */
    public boolean ahead(Optional<MigrationVersion> highest) {
        return highest.isEmpty() || version.compareTo(highest.get()) > 0;
    }

    /** The options that write the follower's copy under this version and name. */
    public AutogenOptions follow(AutogenOptions options) {
        return options.withVersion(version).withMessage(message);
    }
}
