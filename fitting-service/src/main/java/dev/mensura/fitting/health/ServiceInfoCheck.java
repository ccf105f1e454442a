package dev.mensura.fitting.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness of the fitting service; its own issue adds readiness on what it depends on. */
@Liveness
@ApplicationScoped
public class ServiceInfoCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("fitting-service").up().build();
    }
}
