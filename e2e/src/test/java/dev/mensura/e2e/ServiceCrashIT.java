package dev.mensura.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * I2 under crashes: {@code kill -9} of vision, then of ingest, in the middle of a job. Whatever
 * dies, every photo is destroyed no later than its lifetime after upload (shortened to
 * {@link Suite#PHOTO_LIFETIME} here; 295 s in production), the destruction is in the job's
 * receipt and verifies offline, the job ends as failed with a reason, and the upload directory
 * is empty once ingest is back.
 */
@Order(2)
class ServiceCrashIT {
    /** The lifetime, the abandoned-job grace, a restart of the killed service and some slack. */
    private static final Duration JOB_END = Suite.PHOTO_LIFETIME.plus(Suite.ABANDONED_GRACE).plusSeconds(60);

    @TempDir
    Path work;

    @Test
    void visionKilledWhileItHoldsAPhotoTheJobFailsAndEveryPhotoIsDestroyedInTime() {
        Suite suite = Suite.get();
        App app = new App(suite);
        app.grantConsent();
        String jobId = app.uploadAccepted(Photos.of(201), 175);

        // vision has taken the first photo (the hand-over wipes it at ingest) and is working on it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> suite.uploadDirFiles().size() < 2);
        suite.kill("vision");
        suite.start("vision"); // as Kubernetes restarts it; the replayed event finds the photo spent

        JsonPath end = app.awaitEnd(jobId, JOB_END);
        assertThat(end.getString("status")).isEqualTo("failed");
        assertThat(end.getString("message")).as("the reason the subject is told").isNotBlank();
        assertThat(suite.uploadDirFiles()).isEmpty();
        // the first photo at its hand-over; the second when vision's replay failed, or at its deadline
        assertDestroyedInTimeAndProvable(app, jobId, "handed-over", "vision-failed", "lifetime-exceeded");
    }

    @Test
    void ingestKilledWhileItHoldsThePhotosTheRestartSweepsThemAndTheJobFails() {
        Suite suite = Suite.get();
        App app = new App(suite);
        app.grantConsent();
        // vision is paused (SIGSTOP) so that both photos are certainly still in ingest's tmpfs at the kill
        long vision = suite.service("vision").pid();
        signal("STOP", vision);
        String jobId;
        try {
            jobId = app.uploadAccepted(Photos.of(202), 175);
            assertThat(suite.uploadDirFiles()).hasSize(2);
            suite.kill("ingest");
            assertThat(suite.uploadDirFiles()).as("a crash leaves the files behind").hasSize(2);
            suite.start("ingest");
            assertThat(suite.uploadDirFiles()).as("swept as the new process started").isEmpty();
        } finally {
            signal("CONT", vision);
        }

        JsonPath end = app.awaitEnd(jobId, JOB_END);
        assertThat(end.getString("status")).isEqualTo("failed");
        assertThat(end.getString("message")).isNotBlank();
        // attributed to the job by the files' names, though the process that knew them is gone
        assertDestroyedInTimeAndProvable(app, jobId, "crash-sweep");
    }

    /**
     * The job's receipt names both photos received and both destroyed within the lifetime, and the
     * offline verifier accepts it (signature, inclusion proofs, every received photo destroyed).
     */
    private void assertDestroyedInTimeAndProvable(App app, String jobId, String... reasons) {
        String receipt = app.receipt(jobId, Duration.ofSeconds(60));
        List<JsonNode> entries = App.receiptEntries(receipt);
        assertThat(entries).filteredOn(e -> "photo.received".equals(e.get("action").asText())).hasSize(2);
        List<JsonNode> destroyed = entries.stream().filter(e -> "photo.destroyed".equals(e.get("action").asText()))
                .toList();
        assertThat(destroyed).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("outcome").asText()).isEqualTo("success");
            assertThat(e.get("details").get("reason").asText()).isIn((Object[]) reasons);
            assertThat(e.get("details").get("lifetimeMs").asLong())
                    .isLessThanOrEqualTo(Suite.PHOTO_LIFETIME.plusSeconds(2).toMillis());
        });
        OfflineVerifier.Result verified = new OfflineVerifier(Suite.get(), work).receipt(receipt);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
    }

    private static void signal(String signal, long pid) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
