package dev.mensura.fitting.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.ErasureCompleted;
import dev.mensura.events.data.ErasureRequested;
import dev.mensura.events.data.ExportPart;
import dev.mensura.events.data.ExportRequested;
import dev.mensura.events.data.FittingCompleted;
import dev.mensura.events.data.PhotoReceived;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFeatures;
import dev.mensura.fitting.export.FittingExport;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.silhouette.Outline;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.ExportCoverage;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.PrivacyServiceResource;
import dev.mensura.testkit.TestTokens;
import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * fitting with everything real around it (PostgreSQL, Kafka, privacy-service for the keys): a
 * vision.completed built from a rendered body (oracle outlines and joints, sealed like vision
 * seals them) becomes measurements and models its subject alone can read; export and erasure
 * reach them.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "fitting"))
@QuarkusTestResource(value = PrivacyServiceResource.class, restrictToAnnotatedClass = true)
class FittingFlowIT {
    private static final Map<Integer, String> JOINTS = Map.of(11, "joint-l-shoulder", 12, "joint-r-shoulder",
            23, "joint-l-upper-leg", 24, "joint-r-upper-leg", 25, "joint-l-knee", 26, "joint-r-knee",
            27, "joint-l-ankle", 28, "joint-r-ankle");

    @Test
    void visionsNumbersBecomeMeasurementsAndAModelForTheSubjectAlone() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        consent(sub);
        String pseudonym = Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile()).pseudonym("subject", sub);
        String jobId = UUID.randomUUID().toString();
        publishVisionCompleted(jobId, pseudonym, 175);

        JsonPath result = awaitMeasurements(sub, jobId);
        assertThat(result.getString("standard")).isEqualTo("ISO 8559-1:2017");
        assertThat(result.getFloat("measurements.find { it.name == 'stature' }.value")).isEqualTo(175f);
        float waist = result.getFloat("measurements.find { it.name == 'waist girth' }.value");
        assertThat(waist).isBetween(60f, 100f);
        assertThat(result.getDouble("fitQualityCm")).isLessThan(2.5);

        // the subject alone: another subject sees nothing
        given().auth().oauth2(TestTokens.subject("someone-else")).get("/v1/jobs/" + jobId + "/measurements")
                .then().statusCode(404).contentType("application/problem+json");
        byte[] glb = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId + "/model.glb")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asByteArray();
        assertThat(new String(glb, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("glTF");
        String obj = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId + "/model.obj")
                .then().statusCode(200).extract().asString();
        assertThat(obj).contains("\nv ").contains("\nf ");

        var completed = KafkaRecords.read(bootstrap(), Topics.FITTING_COMPLETED, r -> r.value().contains(jobId),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        FittingCompleted done = EventCodec.decode(completed.get(0).value(), FittingCompleted.class,
                EventTypes.FITTING_COMPLETED).data();
        assertThat(done.measured()).isTrue();
        assertThat(completed.get(0).value()).doesNotContain("waist").doesNotContain(sub);

        // export: the measurements and the model, sealed for the subject
        String exportId = UUID.randomUUID().toString();
        KafkaRecords.publish(bootstrap(), Topics.SUBJECT_EXPORT_REQUESTED, pseudonym, EventCodec.encode(CloudEvent.of(
                "/test/privacy", EventTypes.SUBJECT_EXPORT_REQUESTED, pseudonym,
                new ExportRequested(exportId, pseudonym))));
        var parts = KafkaRecords.read(bootstrap(), Topics.SUBJECT_EXPORT_COMPLETED,
                r -> r.value().contains(exportId) && r.value().contains(FittingExport.SERVICE), l -> l.size() >= 2,
                Duration.ofSeconds(30));
        List<String> names = parts.stream().map(r -> EventCodec.decode(r.value(), ExportPart.class,
                EventTypes.SUBJECT_EXPORT_PART).data().name()).toList();
        assertThat(names).contains(FittingExport.MEASUREMENTS, "model-" + jobId + ".glb");
        ExportCoverage.assertEveryTableAccountedFor("mensura_fitting", FittingExport.CATALOG);

        // erasure: the result is gone and privacy hears so
        String erasureId = UUID.randomUUID().toString();
        KafkaRecords.publish(bootstrap(), Topics.SUBJECT_ERASURE_REQUESTED, pseudonym, EventCodec.encode(
                CloudEvent.of("/test/privacy", EventTypes.SUBJECT_ERASURE_REQUESTED, pseudonym,
                        new ErasureRequested(erasureId, pseudonym, "test"))));
        var answers = KafkaRecords.read(bootstrap(), Topics.SUBJECT_ERASURE_COMPLETED,
                r -> r.value().contains(erasureId) && r.value().contains(FittingExport.SERVICE), l -> !l.isEmpty(),
                Duration.ofSeconds(30));
        assertThat(EventCodec.decode(answers.get(0).value(), ErasureCompleted.class,
                EventTypes.SUBJECT_ERASURE_COMPLETED).data().itemsDeleted()).isEqualTo(1);
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId + "/measurements")
                .then().statusCode(404);
    }

    @Test
    void unreadableFeaturesFailTheJobWithAReason() {
        String pseudonym = "p-" + UUID.randomUUID();
        String jobId = UUID.randomUUID().toString();
        KafkaRecords.publish(bootstrap(), Topics.VISION_COMPLETED, pseudonym, EventCodec.encode(CloudEvent.of(
                "/test/vision", EventTypes.VISION_COMPLETED, pseudonym,
                new VisionCompleted(jobId, pseudonym, Base64.getEncoder().encodeToString(new byte[64]), "AAAA", 26))));
        var completed = KafkaRecords.read(bootstrap(), Topics.FITTING_COMPLETED, r -> r.value().contains(jobId),
                l -> !l.isEmpty(), Duration.ofSeconds(30));
        FittingCompleted done = EventCodec.decode(completed.get(0).value(), FittingCompleted.class,
                EventTypes.FITTING_COMPLETED).data();
        assertThat(done.measured()).isFalse();
        assertThat(done.reason()).isEqualTo("unusable-features");
    }

    private static void publishVisionCompleted(String jobId, String pseudonym, double stature) throws Exception {
        VisionFeatures features = new VisionFeatures(VisionFeatures.VERSION, "full",
                List.of(view(Scene.seeded(3).statureCm(stature).render(), "front"),
                        view(Scene.seeded(3).view(View.SIDE).statureCm(stature).render(), "side")));
        SubjectCrypto crypto = SubjectCrypto.overHttp(URI.create(privacyUrl()),
                () -> TestTokens.service("vision-service"), Duration.ofSeconds(5));
        String sealed = Base64.getEncoder().encodeToString(crypto.encrypt(pseudonym, VisionCompleted.FEATURES_PLACE,
                EventCodec.mapper().writeValueAsBytes(features)));
        String height = crypto.encryptToBase64(pseudonym, PhotoReceived.HEIGHT_PLACE, Long.toString(Math.round(stature)));
        KafkaRecords.publish(bootstrap(), Topics.VISION_COMPLETED, pseudonym, EventCodec.encode(CloudEvent.of(
                "/test/vision", EventTypes.VISION_COMPLETED, pseudonym,
                new VisionCompleted(jobId, pseudonym, sealed, height, 26))));
    }

    /** What vision would send for a rendered photo, from the render's truth (outline and joints). */
    private static VisionFeatures.View view(RenderedScene scene, String name) {
        int w = scene.width();
        int h = scene.height();
        float[][] landmarks = new float[33][5];
        JOINTS.forEach((i, joint) -> {
            double[] p = scene.joint2d(joint);
            landmarks[i] = new float[] {(float) (p[0] / w), (float) (p[1] / h), 0, 1, 1};
        });
        double[] head = scene.joint2d("joint-head");
        landmarks[0] = new float[] {(float) (head[0] / w), (float) (head[1] / h), 0, 1, 1};
        float[][] world = new float[33][3];
        return new VisionFeatures.View(name, w, h, scene.focalPx(), false, landmarks, world,
                Outline.trace(scene.mask(), w, h, 1024));
    }

    private static JsonPath awaitMeasurements(String sub, String jobId) {
        JsonPath[] result = new JsonPath[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId + "/measurements");
            if (response.statusCode() != 200) {
                return false;
            }
            result[0] = response.jsonPath();
            return true;
        });
        return result[0];
    }

    private static void consent(String sub) {
        given().baseUri(privacyUrl()).auth().oauth2(TestTokens.subject(sub)).contentType("application/json")
                .body("{\"granted\": true}").put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);
    }

    private static String privacyUrl() {
        return ConfigProvider.getConfig().getValue(PrivacyServiceResource.TEST_URL, String.class);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
