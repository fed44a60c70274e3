package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned migrations of a folder in Flyway's order, each with the key of the state its prefix builds: key
 * {@code k} hashes the key before it with migration {@code k}'s version, path, bytes and Flyway script configuration
 * ({@code .sql.conf}). So a key names exactly one ordered list of exact files: an edited, removed, renamed or
 * reordered migration changes its own key and every later one, and the keys before it stay valid.
 * <p>
 * Only a folder of plain versioned scripts is cached ({@link #cacheable()}): Flyway applies repeatable migrations
 * after every versioned one and runs callback scripts around them, so a state "after the first k versions" would
 * not be what a full replay builds.
 *
 * @param versions  Flyway's version of each migration, in order ({@code 1.2}, as {@code target} takes it)
 * @param scripts   each one's path in the folder, as Flyway's history names it
 * @param keys      {@code keys.get(k)}: the state after the first {@code k + 1} migrations (hex)
 * @param cacheable false when the folder holds scripts whose effect does not belong to one prefix
 */
public record MigrationChain(List<String> versions, List<String> scripts, List<String> keys, boolean cacheable) {

    /** A version part may be separated by dots or underscores, as Flyway reads them. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    /** Undo scripts are for Flyway's paid editions: Community Flyway does not run them. */
    private static final Pattern UNDO = Pattern.compile("U\\d+(?:[._]\\d+)*__.+\\.sql");
    /** Bumped when what a snapshot holds changes meaning, so older snapshots are never taken for newer ones. */
    private static final String FORMAT = "flyway-autogen replay cache 1";

    public MigrationChain {
        versions = List.copyOf(versions);
        scripts = List.copyOf(scripts);
        keys = List.copyOf(keys);
    }

    /** {@code dialect}: snapshots of one dialect are never another's, even where they share a directory. */
    public static MigrationChain read(Path migrationsDir, String dialect) {
        record Versioned(MigrationVersion version, String flywayVersion, Path file) {
        }
        List<Versioned> versioned = new ArrayList<>();
        boolean cacheable = true;
        try (Stream<Path> files = Files.walk(migrationsDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    versioned.add(new Versioned(MigrationVersion.parse(m.group(1)), m.group(1).replace('_', '.'), file));
                } else if (name.endsWith(".sql") && !UNDO.matcher(name).matches()) {
                    cacheable = false; // R__ repeatables, beforeMigrate.sql and the like
                }
            }
        } catch (IOException e) {
            throw new AutogenException("cannot list the migrations in " + migrationsDir + ": " + e.getMessage(), e);
        }
        versioned.sort(Comparator.comparing(Versioned::version));
        List<String> versions = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        byte[] previous = sha256(List.of((FORMAT + "|" + dialect + "|" + flywayVersion()).getBytes(StandardCharsets.UTF_8)));
        for (Versioned v : versioned) {
            Path conf = v.file().resolveSibling(v.file().getFileName() + ".conf");
            String script = migrationsDir.relativize(v.file()).toString().replace('\\', '/');
            List<byte[]> parts = new ArrayList<>();
            parts.add(previous);
            parts.add(v.flywayVersion().getBytes(StandardCharsets.UTF_8));
            parts.add(script.getBytes(StandardCharsets.UTF_8));
            parts.add(bytes(v.file()));
            parts.add(Files.isRegularFile(conf) ? bytes(conf) : new byte[0]);
            previous = sha256(parts);
            versions.add(v.flywayVersion());
            scripts.add(script);
            keys.add(HexFormat.of().formatHex(previous, 0, 20));
        }
        return new MigrationChain(versions, scripts, keys, cacheable);
    }

    public int size() {
        return versions.size();
    }

    /** The key of the state after the first {@code count} migrations; empty for none (an empty database). */
    public Optional<String> keyAfter(int count) {
        return count == 0 ? Optional.empty() : Optional.of(keys.get(count - 1));
    }

    /** Flyway's {@code target} that stops after the first {@code count} migrations. */
    public String versionAt(int count) {
        return versions.get(count - 1);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AutogenException("cannot read migration " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each part is length-prefixed, so no two different lists of parts hash alike by running into each other. */
    private static byte[] sha256(List<byte[]> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A new Flyway may write its history table differently: its snapshots are not the old one's. */
    private static String flywayVersion() {
        String version = Flyway.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
