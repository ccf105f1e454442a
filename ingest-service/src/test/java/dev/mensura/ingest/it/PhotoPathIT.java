package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.JobProgress;
import dev.mensura.events.data.PhotoReceived;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFailed;
import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.privacykit.crypto.DecryptionFailedException;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The photo's life on the ingest side, end to end against real PostgreSQL, Kafka and privacy-service. */
@QuarkusTest
class PhotoPathIT {

    @Test
    void acceptedPhotosAreStrippedHandedOverOnceAndDestroyedWhenVisionCompletes() throws Exception {
        String sub = newSubject();
        consent(sub, true);
        var front = PhotoFixtures.cameraJpeg(160, 240, 11);
        var side = PhotoFixtures.cameraJpeg(160, 240, 12);
        var before = uploadDirFiles();

        String jobId = uploadJpegs(sub, front.bytes(), side.bytes()).then().statusCode(202)
                .body("status", equalTo("queued"))
                .body("front.orientation", equalTo(6)).body("front.focalLength35mm", equalTo(26))
                .extract().path("id");
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId).then().statusCode(200)
                .body("side.orientation", equalTo(6)).body("heightCm", equalTo(178));
        var mine = Ingest.newFiles(before);
        assertThat(mine).hasSize(2);

        // photo.received: tokens, no bytes, keyed by the job pseudonym.
        String subjectPseudonym = Ingest.pseudonyms().pseudonym("subject", sub);
        var announced = Ingest.read(Topics.PHOTO_RECEIVED, r -> r.value().contains(jobId), l -> !l.isEmpty(),
                Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).key()).isEqualTo(Ingest.jobPseudonym(jobId));
        PhotoReceived received = EventCodec.decode(announced.get(0).value(), PhotoReceived.class,
                EventTypes.PHOTO_RECEIVED).data();
        assertThat(received.photos()).extracting(PhotoReceived.PhotoRef::view).containsExactly("front", "side");
        assertThat(announced.get(0).value()).doesNotContain(sub).hasSizeLessThan(4096);

        // I5: the height travels and rests sealed with the subject's key, bound to its place.
        var crypto = Ingest.subjectCrypto();
        assertThat(crypto.decryptFromBase64(subjectPseudonym, PhotoReceived.HEIGHT_PLACE, received.heightCmSealed()))
                .isEqualTo("178");
        byte[] sealedInDb = Ingest.jobColumn(jobId, "height_cm_sealed");
        assertThat(new String(crypto.decrypt(subjectPseudonym, "ingest.job.height_cm", sealedInDb),
                StandardCharsets.US_ASCII)).isEqualTo("178");
        assertThatThrownBy(() -> crypto.decrypt(subjectPseudonym, "ingest.job.other_column", sealedInDb))
                .isInstanceOf(DecryptionFailedException.class);

        // Hand-over: service role only, once; the bytes carry none of the metadata (I3).
        String token = received.photos().get(0).handoverToken();
        given().auth().oauth2(TestTokens.subject(sub)).get("/internal/photos/" + token).then().statusCode(403);
        assertThat(received.photos().get(0).handoverUrl()).endsWith("/internal/photos/" + token);
        byte[] handed = given().auth().oauth2(TestTokens.service("vision-service")).get("/internal/photos/" + token)
                .then().statusCode(200).contentType("image/jpeg").header("Cache-Control", "no-store")
                .extract().asByteArray();
        String handedText = new String(handed, StandardCharsets.ISO_8859_1);
        assertThat(front.metadataCanaries()).allSatisfy(c -> assertThat(handedText).doesNotContain(c));
        assertThat(handedText).doesNotContain("Exif\0\0").doesNotContain("http://ns.adobe.com/xap/1.0/");
        given().auth().oauth2(TestTokens.service("vision-service")).get("/internal/photos/" + token)
                .then().statusCode(410).contentType("application/problem+json");
        assertThat(mine.stream().filter(java.nio.file.Files::exists)).as("wiped at its hand-over").hasSize(1);

        // vision.completed ends the photos' life (I2).
        Ingest.publish(Topics.VISION_COMPLETED, subjectPseudonym, CloudEvent.of("/test/vision",
                EventTypes.VISION_COMPLETED, subjectPseudonym, new VisionCompleted(jobId, subjectPseudonym, null, null, null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> mine.stream().noneMatch(java.nio.file.Files::exists));
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId).then().statusCode(200)
                .body("stage", equalTo("fitting"));
        given().auth().oauth2(TestTokens.service("vision-service"))
                .get("/internal/photos/" + received.photos().get(1).handoverToken()).then().statusCode(410);

        // The front photo died at its hand-over, the side one (never fetched) when vision completed.
        assertReceivedEqualsDestroyed(jobId, "handed-over", "vision-completed");
    }

    @Test
    void webpPhotosLoseTheirExifAndXmpToo() {
        String sub = newSubject();
        consent(sub, true);
        var webp = PhotoFixtures.cameraWebp();
        String jobId = Ingest.upload(sub, webp.bytes(), "image/webp", webp.bytes(), "image/webp", "165").post("/v1/jobs")
                .then().statusCode(202).body("front.orientation", equalTo(6)).body("front.focalLength35mm", equalTo(26))
                .extract().path("id");
        var announced = Ingest.read(Topics.PHOTO_RECEIVED, r -> r.value().contains(jobId), l -> !l.isEmpty(),
                Duration.ofSeconds(20));
        PhotoReceived received = EventCodec.decode(announced.get(0).value(), PhotoReceived.class).data();
        byte[] handed = given().auth().oauth2(TestTokens.service("vision-service"))
                .get("/internal/photos/" + received.photos().get(1).handoverToken()).then().statusCode(200)
                .contentType("image/webp").extract().asByteArray();
        String text = new String(handed, StandardCharsets.ISO_8859_1);
        assertThat(webp.metadataCanaries()).allSatisfy(c -> assertThat(text).doesNotContain(c));
        assertThat(text).doesNotContain("EXIF").doesNotContain("XMP ");
        assertThat(handed[20] & 0x0C).as("VP8X EXIF/XMP flags").isZero();
    }

    @Test
    void visionFailureDestroysThePhotosAndFailsTheJob() {
        String sub = newSubject();
        consent(sub, true);
        var before = uploadDirFiles();
        String jobId = uploadJpegs(sub, PhotoFixtures.plainJpeg(64, 96, 1), PhotoFixtures.plainJpeg(64, 96, 2))
                .then().statusCode(202).extract().path("id");
        var mine = Ingest.newFiles(before);
        assertThat(mine).hasSize(2);
        String subjectPseudonym = Ingest.pseudonyms().pseudonym("subject", sub);

        Ingest.publish(Topics.VISION_FAILED, subjectPseudonym, CloudEvent.of("/test/vision", EventTypes.VISION_FAILED,
                subjectPseudonym, new VisionFailed(jobId, subjectPseudonym, "no-person-detected")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId).then()
                        .body("status", equalTo("failed")));
        assertThat(mine).noneMatch(java.nio.file.Files::exists);
        assertReceivedEqualsDestroyed(jobId, "vision-failed");
    }

    @Test
    void replayedEventsNeverMoveAJobBackNorFailWhatVisionCompleted() {
        String sub = newSubject();
        consent(sub, true);
        String jobId = uploadJpegs(sub, PhotoFixtures.plainJpeg(64, 96, 5), PhotoFixtures.plainJpeg(64, 96, 6))
                .then().statusCode(202).extract().path("id");
        String subjectPseudonym = Ingest.pseudonyms().pseudonym("subject", sub);
        Ingest.publish(Topics.VISION_COMPLETED, subjectPseudonym, CloudEvent.of("/test/vision",
                EventTypes.VISION_COMPLETED, subjectPseudonym, new VisionCompleted(jobId, subjectPseudonym, null, null, null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.subject(sub))
                .get("/v1/jobs/" + jobId).then().body("stage", equalTo("fitting")));

        // what a vision replica replaying photo.received after a broker crash sends: progress, then
        // "photo-unavailable" (the hand-over tokens were spent by the first delivery)
        Ingest.publish(Topics.JOB_PROGRESS, subjectPseudonym, CloudEvent.of("/test/vision", EventTypes.JOB_PROGRESS,
                subjectPseudonym, new JobProgress(jobId, subjectPseudonym, "vision", 20, "Finding your pose")));
        Ingest.publish(Topics.VISION_FAILED, subjectPseudonym, CloudEvent.of("/test/vision", EventTypes.VISION_FAILED,
                subjectPseudonym, new VisionFailed(jobId, subjectPseudonym, "photo-unavailable")));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId).then()
                        .body("stage", equalTo("fitting")).body("status", equalTo("processing")));
    }

    @Test
    void progressIsStreamedOverSseUntilTheJobEnds() {
        String sub = newSubject();
        consent(sub, true);
        String jobId = uploadJpegs(sub, PhotoFixtures.plainJpeg(64, 96, 3), PhotoFixtures.plainJpeg(64, 96, 4))
                .then().statusCode(202).extract().path("id");
        String subjectPseudonym = Ingest.pseudonyms().pseudonym("subject", sub);
        Ingest.publish(Topics.VISION_FAILED, subjectPseudonym, CloudEvent.of("/test/vision", EventTypes.VISION_FAILED,
                subjectPseudonym, new VisionFailed(jobId, subjectPseudonym, "too-dark")));

        String stream = given().auth().oauth2(TestTokens.subject(sub)).accept("text/event-stream")
                .get("/v1/jobs/" + jobId + "/events").then().statusCode(200).extract().asString();

        assertThat(stream).contains("\"status\":\"failed\"").contains("\"stage\":\"failed\"")
                .doesNotContain("base64").doesNotContain(sub);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithAReason() {
        String marker = "not-an-event-" + System.nanoTime();
        Ingest.publish(Topics.VISION_COMPLETED, "k", CloudEvent.of("/test", "wrong.type", "k", marker));
        List<ConsumerRecord<String, String>> dead = Ingest.read(Topics.deadLetter(Topics.VISION_COMPLETED),
                r -> r.value().contains(marker), l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER)).isNotNull();
    }

    /** Audit: one received and one destroyed event per photo, with lifetime and reason; counters agree. */
    static void assertReceivedEqualsDestroyed(String jobId, String... reasons) {
        String job = Ingest.jobPseudonym(jobId);
        var audit = Ingest.read(Topics.AUDIT_EVENTS, r -> job.equals(r.key()),
                l -> l.stream().filter(r -> r.value().contains("photo.destroyed")).count() >= 2, Duration.ofSeconds(20));
        List<JsonNode> entries = audit.stream().map(r -> EventCodec.decode(r.value(), JsonNode.class).data()).toList();
        assertThat(entries).filteredOn(e -> e.get("action").asText().equals("photo.received")).hasSize(2);
        var destroyed = entries.stream().filter(e -> e.get("action").asText().equals("photo.destroyed")).toList();
        assertThat(destroyed.stream().map(e -> e.get("details").get("reason").asText()))
                .containsExactlyInAnyOrder(reasons.length == 2 ? reasons : new String[] {reasons[0], reasons[0]});
        assertThat(destroyed).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("outcome").asText()).isEqualTo("success");
            assertThat(e.get("details").get("reason").asText()).isIn((Object[]) reasons);
            assertThat(e.get("details").get("lifetimeMs").asLong()).isBetween(0L, 300_000L);
            assertThat(e.get("details").get("sizeBytes").asLong()).isPositive();
            assertThat(e.get("resource").asText()).startsWith("job:" + job);
        });
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("photos_received_total").contains("photos_destroyed_total");
        assertThat(counter(metrics, "photos_received_total")).isGreaterThanOrEqualTo(2.0);
    }

    static double counter(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name)).mapToDouble(l -> Double.parseDouble(
                l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
