package dev.mensura.ingest.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.ingest.storage.UploadDirectory;
import dev.mensura.problem.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness and back-pressure follow the RAM budget of the upload directory. */
class UploadDirReadinessTest {
    private static final long BUDGET = 1000;

    private Path dir;
    private PhotoVault vault;
    private UploadCapacity capacity;
    private UploadDirReadiness readiness;

    @BeforeEach
    void setUp() throws IOException {
        assumeThat(Files.isDirectory(Path.of("/dev/shm"))).isTrue();
        dir = Path.of("/dev/shm", "mensura-ready-" + UUID.randomUUID());
        UploadDirectory upload = new UploadDirectory(dir, false);
        upload.check();
        vault = new PhotoVault(upload);
        capacity = new UploadCapacity(vault, 10, BUDGET, 7);
        readiness = new UploadDirReadiness(upload, vault, capacity);
    }

    @AfterEach
    void tearDown() throws IOException {
        for (var photo : vault.all()) {
            vault.wipe(photo.id());
        }
        Files.delete(dir);
    }

    @Test
    void notReadyAbove80PercentOfTheBudget() throws IOException {
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        vault.store(UUID.randomUUID(), "front", new byte[800]);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        vault.store(UUID.randomUUID(), "side", new byte[1]);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void reservationsBeyondTheBudgetAreRefusedWithRetryAfter() throws IOException {
        vault.store(UUID.randomUUID(), "front", new byte[600]);
        try (var first = capacity.reserve(300)) {
            assertThatThrownBy(() -> capacity.reserve(200)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(429);
                assertThat(e.headers()).containsEntry("Retry-After", "7");
            });
        }
        capacity.reserve(300).close();
    }
}
