package io.quarkiverse.flywayautogen.deployment;

import java.nio.file.Path;
import java.util.List;

/** The entities need operations that no migration in the folder performs. */
public final class MigrationDriftException extends MigrationCheckException {

    public MigrationDriftException(Path folder, List<String> operations, List<String> warnings) {
        super("Flyway autogenerate check: the entities differ from the migrations in " + folder + ": "
                + operations.size() + " pending operation(s):\n  " + String.join("\n  ", operations)
                + (warnings.isEmpty() ? "" : "\n warnings:\n  " + String.join("\n  ", warnings))
                + "\nGenerate the migration: ./mvnw flyway-autogen:generate -Dflyway-autogen.message=\"...\""
                + " (or change an entity in quarkus:dev)");
    }
}
