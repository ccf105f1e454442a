package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.events.EventCodec;
import dev.mensura.events.Topics;
import dev.mensura.events.data.ExportPart;
import dev.mensura.ingest.export.IngestExport;
import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.testkit.ExportCoverage;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The export saga across two running services (privacy-service as its own process, ingest here)
 * over the real Kafka broker, PostgreSQL and Tink: the zip holds ingest's job history.
 */
@QuarkusTest
class SubjectExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSubjectsZipHoldsItsJobsFromIngestAndItsConsentsFromPrivacy() throws Exception {
        String sub = newSubject();
        consent(sub, true);
        byte[] jpeg = PhotoFixtures.plainJpeg(64, 96, 71);
        String jobId = uploadJpegs(sub, jpeg, jpeg).then().statusCode(202).extract().path("id");
        String privacy = Ingest.config("mensura.test.privacy-url");

        String requestId = given().baseUri(privacy).auth().oauth2(TestTokens.subject(sub))
                .get("/v1/subjects/me/export").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(privacy).auth()
                .oauth2(TestTokens.subject(sub)).get("/v1/dsr/" + requestId).then().statusCode(200)
                .body("status", equalTo("completed")).body("services[0].service", equalTo("ingest-service"))
                .body("services[0].items", equalTo(1)));

        // What crossed Kafka was sealed: the height is not in the record in the clear.
        var parts = Ingest.read(Topics.SUBJECT_EXPORT_COMPLETED, r -> r.value().contains(requestId),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        ExportPart part = EventCodec.decode(parts.get(0).value(), ExportPart.class).data();
        assertThat(parts.get(0).value()).doesNotContain(jobId).doesNotContain("statedHeightCm");
        assertThat(part.name()).isEqualTo(IngestExport.JOBS);

        byte[] zip = given().baseUri(privacy).auth().oauth2(TestTokens.subject(sub)).get("/v1/subjects/me/export")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        for (String name : IngestExport.CATALOG.parts()) {
            assertThat(files).containsKey("ingest-service/" + name);
        }
        JsonNode jobs = JSON.readTree(files.get("ingest-service/jobs.json"));
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("id").asText()).isEqualTo(jobId);
        assertThat(jobs.get(0).get("statedHeightCm").asInt()).isEqualTo(Ingest.HEIGHT_CM);
        assertThat(JSON.readTree(files.get("privacy-service/consents.json")).get("history")).isNotEmpty();

        // Another subject's export holds none of it.
        String other = newSubject();
        consent(other, true);
        String othersRequest = given().baseUri(privacy).auth().oauth2(TestTokens.subject(other))
                .get("/v1/subjects/me/export").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(privacy).auth()
                .oauth2(TestTokens.subject(other)).get("/v1/dsr/" + othersRequest).then()
                .body("status", equalTo("completed")));
        byte[] othersZip = given().baseUri(privacy).auth().oauth2(TestTokens.subject(other))
                .get("/v1/subjects/me/export").then().statusCode(200).extract().asByteArray();
        assertThat(unzip(othersZip)).doesNotContainKey("ingest-service/jobs.json");
        assertThat(new String(othersZip, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(jobId);
    }

    @Test
    void everyIngestTableIsExportedOrExplained() throws Exception {
        ExportCoverage.assertEveryTableAccountedFor("mensura_ingest", IngestExport.CATALOG);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
