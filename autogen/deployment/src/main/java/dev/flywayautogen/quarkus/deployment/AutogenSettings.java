package dev.flywayautogen.quarkus.deployment;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

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

    /**
     * The datasource's {@code db-kind}, which names the engine's dialect; an unsupported one is reported by the engine
     * ({@code unsupported dialect 'x' (supported: ...)}) when it is asked to compare.
     */
    static String dbKind(Optional<String> datasource) {
        String key = datasource.filter(d -> !d.equals("<default>"))
                .map(d -> "quarkus.datasource.\"" + d + "\".db-kind").orElse("quarkus.datasource.db-kind");
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("(not set: " + key + ")");
    }

    static RenameHints renames(List<String> declared) {
        RenameHints hints = RenameHints.none();
        for (String rename : declared) {
            hints = hints.merge(RenameHints.parse(rename));
        }
        return hints;
    }
}
