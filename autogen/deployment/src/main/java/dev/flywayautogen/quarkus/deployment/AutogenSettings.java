package dev.flywayautogen.quarkus.deployment;

import java.util.List;

import dev.flywayautogen.core.AutogenOptions;
import dev.flywayautogen.core.desired.NamingConvention;
import dev.flywayautogen.core.desired.RenameHints;
import dev.flywayautogen.quarkus.runtime.FlywayAutogenConfig;

/** Turns the {@code quarkus.flyway-autogen.*} configuration into the engine's options. */
final class AutogenSettings {

    private AutogenSettings() {
    }

    static AutogenOptions options(FlywayAutogenConfig config) {
        FlywayAutogenConfig.NamingConventionConfig n = config.namingConvention();
        NamingConvention naming = new NamingConvention(n.index(), n.unique(), n.foreignKey(), n.check(), n.primaryKey());
        return AutogenOptions.defaults()
                .withUndo(config.undo())
                .withNaming(naming)
                .withRenames(renames(config.renames().orElse(List.of())))
                .withWrite(false);
    }

    static RenameHints renames(List<String> declared) {
        RenameHints hints = RenameHints.none();
        for (String rename : declared) {
            hints = hints.merge(RenameHints.parse(rename));
        }
        return hints;
    }
}
