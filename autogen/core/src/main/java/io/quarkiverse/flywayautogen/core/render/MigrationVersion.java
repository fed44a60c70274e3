package io.quarkiverse.flywayautogen.core.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Flyway versions ("3", "1.2.10") compared part by part, and the next one after the highest in a folder. */
public record MigrationVersion(List<BigInteger> parts) implements Comparable<MigrationVersion> {

    private static final Pattern VERSIONED = Pattern.compile("[VU](\\d+(?:[._]\\d+)*)__.*\\.sql");

    public static MigrationVersion parse(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : text.split("[._]")) {
            parts.add(new BigInteger(p));
        }
        return new MigrationVersion(List.copyOf(parts));
    }

    public static Optional<MigrationVersion> highestIn(Path migrationsDir) {
        try (Stream<Path> files = Files.list(migrationsDir)) {
            return files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> parse(m.group(1)))
                    .max(MigrationVersion::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + migrationsDir, e);
        }
    }

    /** The next version: the last part of the highest existing one plus one ("1" if the folder is empty). */
    public static MigrationVersion nextIn(Path migrationsDir) {
        return highestIn(migrationsDir).map(MigrationVersion::next).orElse(parse("1"));
    }

    public MigrationVersion next() {
        List<BigInteger> copy = new ArrayList<>(parts);
        copy.set(copy.size() - 1, copy.get(copy.size() - 1).add(BigInteger.ONE));
        return new MigrationVersion(List.copyOf(copy));
    }

    @Override
    public int compareTo(MigrationVersion o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }
}
