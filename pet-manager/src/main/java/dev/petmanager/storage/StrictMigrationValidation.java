package dev.petmanager.storage;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;

/**
 * Flyway ignores applied migrations it does not know ("future" ones) by default. A database touched by a newer
 * release must not be served by older code, so this clears the ignore patterns: validation then refuses it.
 */
@Singleton
public class StrictMigrationValidation implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.ignoreMigrationPatterns(new String[0]);
    }
}
