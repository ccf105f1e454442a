package dev.mensura.ingest.capacity;

import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.ingest.storage.UploadDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready when the upload directory or the RAM budget is over 80 % full: send uploads elsewhere. */
@Readiness
@ApplicationScoped
public class UploadDirReadiness implements HealthCheck {
    private static final double LIMIT = 0.8;

    private final UploadDirectory directory;
    private final PhotoVault vault;
    private final UploadCapacity capacity;

    public UploadDirReadiness(UploadDirectory directory, PhotoVault vault, UploadCapacity capacity) {
        this.directory = directory;
        this.vault = vault;
        this.capacity = capacity;
    }

    @Override
    public HealthCheckResponse call() {
        double filesystem = directory.usedFraction();
        double budget = (double) vault.bytesHeld() / capacity.budgetBytes();
        return HealthCheckResponse.named("upload-directory")
                .status(filesystem <= LIMIT && budget <= LIMIT)
                .withData("ramFilesystem", directory.onRam())
                .withData("filesystemUsedPercent", Math.round(filesystem * 100))
                .withData("budgetUsedPercent", Math.round(budget * 100))
                .build();
    }
}
