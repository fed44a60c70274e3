package dev.petmanager.storage;

import java.util.Arrays;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready only when every migration this build ships is applied and none failed; the datasource check is Quarkus'. */
@Readiness
@ApplicationScoped
public class MigrationsReadinessCheck implements HealthCheck {

    private final Flyway flyway;

    public MigrationsReadinessCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database migrations");
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            long failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
            int pending = info.pending().length;
            return response.status(pending == 0 && failed == 0)
                    .withData("current", current == null ? "none" : current.getVersion().getVersion())
                    .withData("pending", pending)
                    .withData("failed", failed)
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
