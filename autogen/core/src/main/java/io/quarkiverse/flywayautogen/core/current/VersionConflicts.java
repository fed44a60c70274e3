package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two versioned migrations with one version, as a merge of two branches leaves them under the increment scheme.
 * Flyway refuses such a folder with a stack trace that names one file; this names both, before anything runs.
 */
public final class VersionConflicts {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private VersionConflicts() {
    }

    /** Throws naming every clash; Flyway scans a location's sub-folders too, and so does this. */
    public static void check(Path migrationsDir) {
        Map<List<BigInteger>, List<Path>> byVersion = new TreeMap<>(VersionConflicts::compare);
        try (Stream<Path> files = Files.walk(migrationsDir)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                Matcher m = VERSIONED.matcher(file.getFileName().toString());
                if (m.matches()) {
                    byVersion.computeIfAbsent(MigrationVersion.parse(m.group(1)).parts(), v -> new ArrayList<>()).add(file);
                }
            });
        } catch (IOException e) {
            throw new AutogenException("cannot list the migrations in " + migrationsDir + ": " + e.getMessage(), e);
        }
        List<String> clashes = new ArrayList<>();
        byVersion.forEach((version, files) -> {
            if (files.size() > 1) {
                clashes.add("version " + new MigrationVersion(version) + ": "
                        + String.join(" and ", files.stream().map(f -> migrationsDir.relativize(f).toString()).toList()));
            }
        });
        if (!clashes.isEmpty()) {
            throw new AutogenException("two migrations in " + migrationsDir + " have the same version ("
                    + String.join("; ", clashes) + "); Flyway cannot apply both: give the one that is not applied"
                    + " anywhere yet a new version by renaming it, then generate again; the timestamp version scheme"
                    + " keeps two branches from picking the same version");
        }
    }

    /** Flyway's order: part by part, missing parts are zero ({@code 1} and {@code 1.0} are one version). */
    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        return new MigrationVersion(a).compareTo(new MigrationVersion(b));
    }
}
