package dev.mensura.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subject's whole life in Mensura, across the five running services: consent, upload, live
 * progress, measurements, model, export, destruction receipt verified offline, erasure, and the
 * audit log verified offline end to end.
 */
@Order(1)
class JourneyIT {
    static final String PROBLEM_TYPES = "https://mensura.dev/problems/";

    @Test
    void fromConsentToErasureEveryStepWorksAndIsProvable(@TempDir Path work) throws IOException {
        Suite suite = Suite.get();
        App app = new App(suite);
        Photos.Pair photos = Photos.of(101);

        // nothing is taken before consent
        app.upload(photos, 175).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM_TYPES + "consent-required"));
        assertThat(suite.uploadDirFiles()).isEmpty();

        app.grantConsent();
        String jobId = app.uploadAccepted(photos, 175);
        List<JsonNode> progress = app.followProgress(jobId, Duration.ofMinutes(3));
        List<String> stages = progress.stream().map(p -> p.get("stage").asText()).distinct().toList();
        // forward only, ending in done; a progress line is best effort (KafkaMessages.sendProgress), an end is not
        assertThat(List.of("queued", "vision", "fitting", "done")).as("stages seen, in order")
                .containsSubsequence(stages);
        assertThat(stages).contains("fitting").endsWith("done");
        // progress only, never image data
        assertThat(progress).allSatisfy(p -> assertThat(p.fieldNames()).toIterable()
                .containsOnly("stage", "progress", "message", "status"));
        assertThat(app.job(jobId).getString("status")).isEqualTo("completed");
        assertThat(suite.uploadDirFiles()).as("photos left in RAM").isEmpty();

        JsonPath measurements = app.measurements(jobId);
        assertThat(measurements.getString("standard")).isEqualTo("ISO 8559-1:2017");
        Map<String, Float> byName = new java.util.HashMap<>();
        for (Map<String, Object> item : measurements.<Map<String, Object>>getList("measurements")) {
            byName.put((String) item.get("name"), ((Number) item.get("value")).floatValue());
        }
        assertThat(byName).containsKeys("stature", "waist girth", "hip girth", "calf girth");
        assertThat(byName.get("stature")).as("stature, from a stated 175 cm").isBetween(173f, 177f);
        assertThat(measurements.getDouble("fitQualityCm")).isLessThan(1.0);
        byte[] glb = app.model(jobId);
        assertThat(new String(glb, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("glTF");

        byte[] zip = app.export(Duration.ofMinutes(1));
        assertThat(zipEntries(zip)).anyMatch(n -> n.startsWith("fitting-service/"))
                .anyMatch(n -> n.startsWith("ingest-service/")).anyMatch(n -> n.startsWith("privacy-service/"))
                .anyMatch(n -> n.endsWith(".glb"));

        OfflineVerifier verifier = new OfflineVerifier(suite, work);
        String receipt = app.receipt(jobId, Duration.ofSeconds(30));
        OfflineVerifier.Result checked = verifier.receipt(receipt);
        assertThat(checked.exitCode()).as(checked.output()).isZero();

        JsonPath dsr = app.eraseAndAwait(Duration.ofMinutes(1));
        assertThat(dsr.getString("type")).isEqualTo("erasure");
        app.as("fitting").get("/v1/jobs/" + jobId + "/measurements").then().statusCode(404);
        app.as("ingest").get("/v1/jobs/" + jobId).then().statusCode(404);

        OfflineVerifier.Result log = verifier.wholeLog();
        assertThat(log.exitCode()).as(log.output()).isZero();
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
