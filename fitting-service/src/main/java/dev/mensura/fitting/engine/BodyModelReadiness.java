package dev.mensura.fitting.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the body model is not where the configuration says. */
@Readiness
@ApplicationScoped
public class BodyModelReadiness implements HealthCheck {
    private final FittingEngine engine;

    public BodyModelReadiness(FittingEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("body-model").status(engine.present());
        if (!engine.present()) {
            response.withData("reason", "the MakeHuman body model is missing from mensura.fitting.bodymodel-dir");
        }
        return response.build();
    }
}
