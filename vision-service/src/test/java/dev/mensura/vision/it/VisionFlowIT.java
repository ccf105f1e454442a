package dev.mensura.vision.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFailed;
import dev.mensura.events.data.VisionFeatures;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.PrivacyServiceResource;
import dev.mensura.testkit.ServiceProcess;
import dev.mensura.testkit.TestTokens;
import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The photo path through vision with every part real: privacy-service grants consent and holds
 * the keys, ingest takes the upload and hands each photo over once, vision (under test) reads
 * them over the real Kafka broker and publishes its outcome, ingest destroys the photos.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PrivacyServiceResource.class, restrictToAnnotatedClass = true)
class VisionFlowIT {
    private static ServiceProcess ingest;

    @BeforeAll
    static void ingest() {
        ingest = IngestNeighbour.get();
    }

    @Test
    void goodPhotosBecomeSealedLandmarksAndSilhouettesAndThePhotosAreDestroyed() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        consent(sub);
        String jobId = upload(sub, Scene.front(21), Scene.side(21), false);

        JsonPath job = awaitJob(sub, jobId, "fitting");
        assertThat(job.getString("status")).isEqualTo("processing");

        String pseudonym = pseudonyms().pseudonym("subject", sub);
        var records = KafkaRecords.read(bootstrap(), Topics.VISION_COMPLETED, r -> r.value().contains(jobId),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        String raw = records.get(0).value();
        // small: the sealed features (33 landmarks twice, a 1024-point outline) are about 66 KB of
        // base64, far under the broker's 1 MiB record limit
        assertThat(raw).doesNotContain(sub).doesNotContain("landmarks").hasSizeLessThan(128 * 1024);
        VisionCompleted completed = EventCodec.decode(raw, VisionCompleted.class, EventTypes.VISION_COMPLETED).data();
        assertThat(completed.heightCmSealed()).isNotBlank();

        // I5: only the subject's key opens the features, and only at their place
        byte[] json = crypto().decrypt(pseudonym, VisionCompleted.FEATURES_PLACE,
                java.util.Base64.getDecoder().decode(completed.featuresSealed()));
        VisionFeatures features = EventCodec.mapper().readValue(json, VisionFeatures.class);
        assertThat(features.model()).isEqualTo("full");
        assertThat(features.views()).extracting(VisionFeatures.View::view).containsExactly("front", "side");
        for (VisionFeatures.View view : features.views()) {
            assertThat(view.landmarks()).hasNumberOfRows(33);
            assertThat(view.worldLandmarks()).hasNumberOfRows(33);
            assertThat(view.contour()).hasSize(2 * dev.mensura.vision.pose.SilhouetteContour.POINTS);
            assertThat(view.imageWidth()).isEqualTo(720);
            assertThat(view.focalLengthPx()).isGreaterThan(500);
        }
        // nothing of the photos is left at ingest
        assertThat(uploadDirFiles()).isEmpty();
    }

    @Test
    void armsDownIsRefusedWithWhatToRetake() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        consent(sub);
        String jobId = upload(sub, Scene.armsDown(22), Scene.side(22), false);

        JsonPath job = awaitJob(sub, jobId, "failed");
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("message")).contains("A-pose");
        var records = KafkaRecords.read(bootstrap(), Topics.VISION_FAILED, r -> r.value().contains(jobId),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        VisionFailed failed = EventCodec.decode(records.get(0).value(), VisionFailed.class, EventTypes.VISION_FAILED)
                .data();
        assertThat(failed.reason()).isEqualTo("not-a-pose");
        assertThat(failed.view()).isEqualTo("front");
        assertThat(uploadDirFiles()).isEmpty();
    }

    @Test
    void blurredFacesStillGiveLandmarks() {
        String sub = "subject-" + UUID.randomUUID();
        consent(sub);
        String jobId = upload(sub, Scene.front(23), Scene.side(23), true);
        awaitJob(sub, jobId, "fitting");
    }

    private static void consent(String sub) {
        given().baseUri(privacyUrl()).auth().oauth2(TestTokens.subject(sub)).contentType("application/json")
                .body("{\"granted\": true}").put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);
    }

    private static String upload(String sub, RenderedScene front, RenderedScene side, boolean blurFaces) {
        return given().baseUri(ingest.url()).auth().oauth2(TestTokens.subject(sub))
                .multiPart("front", "front.jpg", jpeg(front), "image/jpeg")
                .multiPart("side", "side.jpg", jpeg(side), "image/jpeg")
                .multiPart("heightCm", "175")
                .multiPart("blurFaces", Boolean.toString(blurFaces))
                .post("/v1/jobs").then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitJob(String sub, String jobId, String stage) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = given().baseUri(ingest.url()).auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId)
                    .then().statusCode(200).extract().jsonPath();
            return stage.equals(last[0].getString("stage"));
        });
        return last[0];
    }

    private static byte[] jpeg(RenderedScene scene) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scene.image(), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<java.nio.file.Path> uploadDirFiles() throws IOException {
        if (!Files.isDirectory(IngestNeighbour.UPLOAD_DIR)) {
            return List.of();
        }
        try (var files = Files.list(IngestNeighbour.UPLOAD_DIR)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static SubjectCrypto crypto() {
        return SubjectCrypto.overHttp(URI.create(privacyUrl()), () -> TestTokens.service("fitting-service"),
                Duration.ofSeconds(5));
    }

    private static Pseudonymizer pseudonyms() throws IOException {
        return Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile());
    }

    private static String privacyUrl() {
        return ConfigProvider.getConfig().getValue(PrivacyServiceResource.TEST_URL, String.class);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
