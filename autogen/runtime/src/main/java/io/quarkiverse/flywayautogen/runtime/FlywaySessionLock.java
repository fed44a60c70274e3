package io.quarkiverse.flywayautogen.runtime;

import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.arc.BeanCreator;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Flyway's migration lock on PostgreSQL taken at session level instead of in a transaction. By default Flyway holds
 * it in a transaction left open on a second connection for the whole run, and {@code CREATE INDEX CONCURRENTLY} in a
 * script that runs outside a transaction waits for every older transaction to end: for that one, i.e. for ever (or
 * until the script's {@code lock_timeout}). Quarkus has no key for {@code postgresql.transactional.lock}, so the
 * extension registers this customizer for the datasource whose migrations hold such a script, or that generates them.
 */
public final class FlywaySessionLock implements FlywayConfigurationCustomizer {

    /** Flyway's own property, read by its PostgreSQL plugin. */
    public static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.configuration(Map.of(TRANSACTIONAL_LOCK, "false"));
    }

    /** How the synthetic bean is made: no reflection, so the native executable needs nothing registered. */
    public static final class Creator implements BeanCreator<FlywaySessionLock> {
        @Override
        public FlywaySessionLock create(SyntheticCreationalContext<FlywaySessionLock> context) {
            return new FlywaySessionLock();
        }
    }
}
