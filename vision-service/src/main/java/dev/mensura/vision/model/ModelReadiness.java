package dev.mensura.vision.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a model vision needs is missing or not the pinned file; the reason says which.
 * Checked once at start (hashing ~10 MB) and again only when it failed, until it succeeds.
 */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {
    private final ModelDirectory models;
    private volatile List<String> problems;

    public ModelReadiness(@ConfigProperty(name = "mensura.vision.models-dir") Path dir,
                          @ConfigProperty(name = "mensura.vision.landmark-model") String landmark) {
        this.models = new ModelDirectory(dir, EnumSet.of(MediaPipeModel.POSE_DETECTION,
                MediaPipeModel.landmark(landmark), dev.mensura.vision.face.FaceDetector.MODEL));
    }

    @Override
    public HealthCheckResponse call() {
        List<String> current = problems;
        if (current == null || !current.isEmpty()) {
            current = models.problems();
            problems = current;
        }
        var response = HealthCheckResponse.named("models").status(current.isEmpty());
        if (!current.isEmpty()) {
            response.withData("reason", String.join("; ", current));
        }
        return response.build();
    }
}
