package io.quarkiverse.flywayautogen.core.rollout.lint;

import io.quarkiverse.flywayautogen.core.render.MigrationVersion;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whether {@code check} lints the migrations for a rolling deployment, and from which version on they are new.
 *
 * @param enabled  {@code quarkus.flyway-autogen.lint} (default true)
 * @param baseline {@code quarkus.flyway-autogen.lint-baseline}: the newest version already applied (production);
 *                 empty: only the newest migration is new
 */
public record LintSettings(boolean enabled, Optional<MigrationVersion> baseline) {

    public static final String ENABLED = "quarkus.flyway-autogen.lint";
    public static final String BASELINE = "quarkus.flyway-autogen.lint-baseline";

    /** From a configuration lookup, e.g. {@code key -> config.getOptionalValue(key, String.class)}. */
    public static LintSettings read(Function<String, Optional<String>> value) {
        boolean enabled = value.apply(ENABLED).map(v -> !v.trim().equalsIgnoreCase("false")).orElse(true);
        return new LintSettings(enabled, value.apply(BASELINE).map(String::trim).filter(v -> !v.isEmpty())
                .map(MigrationVersion::parse));
    }
}
