package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.upload;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.JobProgress;
import dev.mensura.events.data.PhotoReceived;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.testkit.CanaryScan;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * I1 canary: photos carry a unique random canary in pixel data and in metadata. After the jobs
 * end, PostgreSQL's data dir, Kafka's log dirs, the captured logs, every HTTP response (but the
 * internal hand-over, the one place photo bytes may go) and the working dirs hold no trace of it.
 */
@QuarkusTest
class CanaryIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void photoBytesLeaveNoTraceOutsideRam() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String pixelCanary = canary();
        String textCanary = canary();
        byte[] front = PhotoFixtures.pngWithPixelCanary(pixelCanary.getBytes(StandardCharsets.US_ASCII), textCanary);
        var side = PhotoFixtures.cameraJpeg(96, 128, RANDOM.nextLong());
        assertThat(new String(front, StandardCharsets.ISO_8859_1)).contains(pixelCanary).contains(textCanary);
        List<String> canaries = new ArrayList<>(side.metadataCanaries());
        canaries.add(pixelCanary);
        canaries.add(textCanary);

        List<String> responses = new ArrayList<>();
        String sub = newSubject();
        consent(sub, true);
        var before = uploadDirFiles();
        var accepted = upload(sub, front, "image/png", side.bytes(), "image/jpeg", "181").post("/v1/jobs");
        responses.add(accepted.asString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String jobId = accepted.path("id");
        var mine = Ingest.newFiles(before);
        assertThat(mine).hasSize(2);
        String subjectPseudonym = Ingest.pseudonyms().pseudonym("subject", sub);

        // Vision's part: fetch both photos once (the allowed path), then report completion.
        var announced = Ingest.read(Topics.PHOTO_RECEIVED, r -> r.value().contains(jobId), l -> !l.isEmpty(),
                Duration.ofSeconds(20));
        PhotoReceived received = EventCodec.decode(announced.get(0).value(), PhotoReceived.class).data();
        byte[] handedFront = given().auth().oauth2(TestTokens.service("vision-service"))
                .get("/internal/photos/" + received.photos().get(0).handoverToken()).then().statusCode(200)
                .extract().asByteArray();
        String handed = new String(handedFront, StandardCharsets.ISO_8859_1);
        assertThat(handed).as("pixels reach vision").contains(pixelCanary).as("metadata does not").doesNotContain(textCanary);
        Ingest.publish(Topics.VISION_COMPLETED, subjectPseudonym, CloudEvent.of("/test/vision",
                EventTypes.VISION_COMPLETED, subjectPseudonym, new VisionCompleted(jobId, subjectPseudonym, null, null, null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> mine.stream().noneMatch(Files::exists));

        // Fitting's part: the job ends, so its progress stream ends too.
        Ingest.publish(Topics.JOB_PROGRESS, subjectPseudonym, CloudEvent.of("/test/fitting", EventTypes.JOB_PROGRESS,
                subjectPseudonym, new JobProgress(jobId, subjectPseudonym, "done", 100, "Measurements ready")));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(TestTokens.subject(sub))
                .get("/v1/jobs/" + jobId).asString().contains("\"completed\""));
        responses.add(given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId).asString());
        responses.add(given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId + "/events").asString());
        responses.add(given().get("/q/metrics").asString());
        responses.add(given().get("/q/health").asString());

        // Flush what PostgreSQL holds in memory to its files, so the scan sees everything written.
        try (Connection c = EmbeddedPostgres.get().connect("mensura_ingest")) {
            c.createStatement().execute("CHECKPOINT");
        }

        List<Path> roots = List.of(EmbeddedPostgres.get().dataDirectory(), KafkaBroker.get().dataDirectory(),
                Path.of("target").toAbsolutePath(), Ingest.uploadDir());
        List<String> needles = withEncodings(canaries);
        for (String canary : needles) {
            assertThat(responses).as("HTTP responses").noneMatch(r -> r.contains(canary));
        }
        assertThat(CanaryScan.filesContainingAny(roots, start, needles)).as("files holding a canary").isEmpty();
        assertThat(CanaryScan.filesContainingAny(List.of(Path.of(System.getProperty("java.io.tmpdir"))), start, needles))
                .as("temporary files holding a canary").isEmpty();
    }

    /** The canaries as they are and base64-encoded at each of the three alignments (JSON carries bytes that way). */
    private static List<String> withEncodings(List<String> canaries) {
        List<String> all = new ArrayList<>(canaries);
        for (String canary : canaries) {
            for (int shift = 0; shift < 3; shift++) {
                String aligned = canary.substring(shift, shift + (canary.length() - shift) / 3 * 3);
                byte[] bytes = aligned.getBytes(StandardCharsets.US_ASCII);
                all.add(Base64.getEncoder().encodeToString(bytes));
                all.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
        }
        return all;
    }

    private static String canary() {
        StringBuilder s = new StringBuilder("CANARY");
        for (int i = 0; i < 24; i++) {
            s.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }
}
