package dev.petmanager.storage;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * What Flyway did when this process started, as metrics: {@code petmanager.migrations.applied} (migrations applied
 * at this start; 0 when the database was up to date) and {@code petmanager.schema.version{version="4"}} (always 1;
 * the schema version as a tag, since versions like 1.2.3 are not numbers). Flyway runs at start
 * ({@code quarkus.flyway.migrate-at-start}) before the application's startup event, so the count and the version
 * are final when the gauges are registered.
 */
@Singleton
public class MigrationsAtStart implements FlywayConfigurationCustomizer {

    private final MigrationOutcome migrations = new MigrationOutcome(new AtomicInteger(), new AtomicReference<>());
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = migrations;
        configuration.callbacks(callbacks); // replaces the list, so the existing callbacks are passed along
    }

    void publish(@Observes StartupEvent started, MeterRegistry metrics) {
        gauges.add(Gauge.builder("petmanager.migrations.applied", migrations.applied::get)
                .description("Flyway migrations applied when this process started")
                .register(metrics));
        String version = migrations.schemaVersion.get();
        gauges.add(Gauge.builder("petmanager.schema.version", () -> 1)
                .description("The database schema version after the migrations at start (as the version tag)")
                .tag("version", version == null ? "none" : version)
                .register(metrics));
    }

    /**
     * The application's registry outlives this bean when the application restarts in the same JVM (dev mode, tests):
     * left registered, the next start's gauges would resolve to these and report this start's count.
     */
    void withdraw(@Observes ShutdownEvent stopping, MeterRegistry metrics) {
        gauges.forEach(metrics::remove);
        gauges.clear();
    }

    /**
     * Counts each migration Flyway applied successfully, and keeps the schema version the migrate operation ended
     * at: its result says so, which spares the start a second Flyway run ({@code info()}) to ask.
     */
    private record MigrationOutcome(AtomicInteger applied, AtomicReference<String> schemaVersion) implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_MIGRATE_OPERATION_FINISH;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (event == Event.AFTER_EACH_MIGRATE) {
                applied.incrementAndGet();
            } else if (context.getOperationResult() instanceof MigrateResult result) {
                // the version migrated to, or the one the database already had when nothing was pending
                schemaVersion.set(result.targetSchemaVersion != null ? result.targetSchemaVersion
                        : result.initialSchemaVersion);
            }
        }

        @Override
        public String getCallbackName() {
            return "pet-manager migration outcome";
        }
    }
}
