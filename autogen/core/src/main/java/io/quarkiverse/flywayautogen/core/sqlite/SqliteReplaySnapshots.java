package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.dialect.ReplaySnapshots;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snapshots as files {@code <key>.<digest>.db} in one directory: a byte copy of the replayed scratch file, taken
 * when no connection is open on it. The digest of the bytes is in the name, so a snapshot written in one atomic
 * rename carries its own proof: a file truncated, overwritten or edited by hand no longer matches it, and is dropped
 * instead of being used. The last use is the file's modification time.
 */
final class SqliteReplaySnapshots implements ReplaySnapshots {

    private static final Pattern NAME = Pattern.compile("([0-9a-f]+)\\.([0-9a-f]{32})\\.db");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    SqliteReplaySnapshots(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<Snapshot> list() {
        List<Snapshot> snapshots = new ArrayList<>();
        for (Path file : files()) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (m.matches()) {
                try {
                    snapshots.add(new Snapshot(m.group(1), Files.getLastModifiedTime(file).toMillis(), Files.size(file)));
                } catch (IOException gone) {
                    // removed by another process since the listing
                }
            }
        }
        return snapshots;
    }

    @Override
    public Optional<ScratchDatabase> open(String key, String purpose) {
        for (Path file : filesOf(key)) {
            SqliteScratchDatabase copy = SqliteScratchDatabase.create(purpose);
            try {
                if (digestOfCopy(file, copy.file()).equals(digestIn(file))) {
                    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
                    return Optional.of(copy);
                }
                copy.close();
                Files.deleteIfExists(file); // damaged: its bytes are not the ones it was saved with
            } catch (NoSuchFileException gone) {
                copy.close(); // evicted by another process meanwhile
            } catch (IOException e) {
                copy.close();
            }
        }
        return Optional.empty();
    }

    @Override
    public void save(ScratchDatabase database, String key) {
        Path source = ((SqliteScratchDatabase) database).file();
        Path temporary = directory.resolve(".new-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36));
        try {
            Files.createDirectories(directory);
            String digest = digestOfCopy(source, temporary);
            Path target = directory.resolve(key + "." + digest + ".db");
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            // another run may have saved the same state under another digest (the history's timestamps differ)
            for (Path other : filesOf(key)) {
                if (!other.equals(target)) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save replay snapshot " + key + " in " + directory, e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort; an abandoned ".new-" file never matches a snapshot's name
            }
        }
    }

    @Override
    public void delete(String key) {
        for (Path file : filesOf(key)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // another process may hold it open on a system that refuses; it is evicted on a later run
            }
        }
    }

    private List<Path> filesOf(String key) {
        return files().stream().filter(f -> f.getFileName().toString().startsWith(key + ".")).toList();
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.db")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            // an unreadable cache is an empty one
        }
        return files;
    }

    private static String digestIn(Path snapshot) {
        Matcher m = NAME.matcher(snapshot.getFileName().toString());
        return m.matches() ? m.group(2) : "";
    }

    /** Copies {@code from} to {@code to} and returns the digest of the bytes copied. */
    private static String digestOfCopy(Path from, Path to) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest);
             OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    @Override
    public String location() {
        return directory.toAbsolutePath().normalize().toString();
    }
}
