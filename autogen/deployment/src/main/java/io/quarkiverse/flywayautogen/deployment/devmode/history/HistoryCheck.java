package io.quarkiverse.flywayautogen.deployment.devmode.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import io.quarkiverse.flywayautogen.core.EngineLogs;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.deployment.DevDatasource;

/**
 * Flyway's history on the dev database against the migrations folder, as Flyway's own validation sees it (pending
 * migrations are normal in dev mode and left out). Each problem is one of the cases dev mode knows how to get out
 * of, with the fixes the Dev UI offers for it.
 */
public final class HistoryCheck {

    public enum Case {
        EDITED("was edited after it was applied (checksum mismatch)", List.of("reapply", "repair", "reset")),
        FAILED("failed when it was applied", List.of("repair", "reset")),
        DELETED("was applied but its file is gone (deleted migration)", List.of("repair", "reset")),
        DATABASE_AHEAD("is applied on the dev database but newer than every file (database ahead of the folder)", List.of("reset")),
        OTHER("does not match Flyway's history", List.of("repair", "reset"));

        final String description;
        final List<String> fixes;

        Case(String description, List<String> fixes) {
            this.description = description;
            this.fixes = fixes;
        }
    }

    /** One migration Flyway would refuse, named by its file (or its version and description when it has none). */
    public record Problem(Case kind, String version, String migration, String flywaySays) {
        String line() {
            return migration + " " + kind.description;
        }
    }

    /** What the last check found; {@code error} when the dev database could not be read. */
    public record Finding(List<Problem> problems, String error) {
        public static final Finding NONE = new Finding(List.of(), "");

        public boolean broken() {
            return !problems.isEmpty();
        }

        public String summary() {
            return String.join("; ", problems.stream().map(Problem::line).toList());
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("broken", broken());
            json.put("error", error);
            json.put("problems", problems.stream().map(p -> Map.of("case", p.kind().name(), "version", p.version(),
                    "migration", p.migration(), "description", p.line(), "flywaySays", p.flywaySays(),
                    "fixes", p.kind().fixes)).toList());
            return json;
        }
    }

    private HistoryCheck() {
    }

    public static Finding check(DevDatasource database, Path migrations) {
        ValidateResult result;
        try {
            result = EngineLogs.quietly(() -> database.flyway(migrations).validateWithResult());
        } catch (RuntimeException e) {
            return new Finding(List.of(), "cannot read Flyway's history on " + database.jdbcUrl() + ": " + e.getMessage());
        }
        if (result.validationSuccessful || result.invalidMigrations == null) {
            return Finding.NONE;
        }
        Optional<MigrationVersion> highest = MigrationVersion.highestIn(migrations);
        List<Problem> problems = new ArrayList<>();
        for (ValidateOutput invalid : result.invalidMigrations) {
            Case kind = classify(invalid, highest);
            String migration = invalid.filepath == null || invalid.filepath.isBlank()
                    ? "V" + invalid.version + " (" + invalid.description + ")"
                    : Path.of(invalid.filepath).getFileName().toString();
            String says = invalid.errorDetails == null ? "" : invalid.errorDetails.errorMessage;
            problems.add(new Problem(kind, String.valueOf(invalid.version), migration, says));
        }
        return new Finding(List.copyOf(problems), "");
    }

    private static Case classify(ValidateOutput invalid, Optional<MigrationVersion> highest) {
        ErrorCode code = invalid.errorDetails == null ? null : invalid.errorDetails.errorCode;
        if (code == CoreErrorCode.CHECKSUM_MISMATCH || code == CoreErrorCode.DESCRIPTION_MISMATCH
                || code == CoreErrorCode.TYPE_MISMATCH) {
            return Case.EDITED;
        }
        if (code == CoreErrorCode.FAILED_VERSIONED_MIGRATION || code == CoreErrorCode.FAILED_REPEATABLE_MIGRATION) {
            return Case.FAILED;
        }
        if (code == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED && invalid.version != null) {
            boolean ahead = highest.isEmpty() || MigrationVersion.parse(invalid.version).compareTo(highest.get()) > 0;
            return ahead ? Case.DATABASE_AHEAD : Case.DELETED;
        }
        return Case.OTHER;
    }
}
