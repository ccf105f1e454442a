package dev.mensura.privacy.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.ExportPart;
import dev.mensura.events.data.ExportRequested;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The export saga on privacy's side over real PostgreSQL, Kafka and Tink. ingest-service is not
 * running here (its own tests run the two together); the test answers for it as it would.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "privacy"))
class ExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ExportRetention retention;

    @Test
    void everyCategoryOfEveryServiceEndsUpInTheZip() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonymOf(sub);
        given().auth().oauth2(TestTokens.subject(sub)).contentType("application/json").body("{\"granted\": true}")
                .put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);
        given().auth().oauth2(TestTokens.subject(sub)).contentType("application/merge-patch+json")
                .body("{\"statedHeightCm\": 181}").patch("/v1/subjects/me").then().statusCode(200);

        var accepted = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/subjects/me/export").then()
                .statusCode(202).body("type", equalTo("export")).body("status", equalTo("pending"))
                .body("services[0].service", equalTo("ingest-service")).extract();
        String requestId = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/v1/dsr/" + requestId);
        // Asking again while it runs is the same request.
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/subjects/me/export").then().statusCode(202)
                .body("id", equalTo(requestId));

        String bootstrap = KafkaBroker.get().bootstrapServers();
        var asked = KafkaRecords.read(bootstrap, Topics.SUBJECT_EXPORT_REQUESTED, r -> r.value().contains(requestId),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertThat(asked.get(0).key()).isEqualTo(subject);
        ExportRequested request = EventCodec.decode(asked.get(0).value(), ExportRequested.class,
                EventTypes.SUBJECT_EXPORT_REQUESTED).data();
        assertThat(request.subjectPseudonym()).isEqualTo(subject);

        // ingest answers with two parts, sealed with the subject's key; one of them twice (a replay),
        // and a part claiming the request for another subject is dropped.
        var crypto = SubjectCrypto.overHttp(URI.create(base.toString()), () -> TestTokens.service("ingest-service"),
                Duration.ofSeconds(60));
        String jobs = "[{\"id\":\"job-1\",\"statedHeightCm\":181}]";
        send(bootstrap, part(crypto, requestId, subject, 0, 2, "jobs.json", jobs));
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/dsr/" + requestId).then()
                .body("status", equalTo("pending"));
        send(bootstrap, part(crypto, requestId, subject, 0, 2, "jobs.json", jobs));
        String stranger = pseudonymOf("subject-" + UUID.randomUUID());
        send(bootstrap, new ExportPart(requestId, stranger, "ingest-service", 1, 2, "evil.json", "application/json",
                Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8))));
        send(bootstrap, part(crypto, requestId, subject, 1, 2, "jobs.csv", "id,statedHeightCm\njob-1,181\n"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.subject(sub))
                .get("/v1/dsr/" + requestId).then().body("status", equalTo("completed"))
                .body("services[0].items", equalTo(2)));

        byte[] zip = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/subjects/me/export").then()
                .statusCode(200).contentType("application/zip").header("Cache-Control", "no-store")
                .extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).containsExactlyInAnyOrder("README.txt", "manifest.json",
                "privacy-service/subject.json", "privacy-service/consents.json", "privacy-service/profile.json",
                "privacy-service/restriction.json", "privacy-service/requests.json",
                "ingest-service/jobs.json", "ingest-service/jobs.csv");
        for (String part : PrivacyExport.CATALOG.parts()) {
            assertThat(files).containsKey("privacy-service/" + part);
        }
        assertThat(new String(files.get("ingest-service/jobs.json"), StandardCharsets.UTF_8)).isEqualTo(jobs);
        JsonNode consents = JSON.readTree(files.get("privacy-service/consents.json"));
        assertThat(consents.get("consents").get(0).get("granted").asBoolean()).isTrue();
        assertThat(consents.get("history")).hasSize(1);
        assertThat(JSON.readTree(files.get("privacy-service/profile.json")).get("statedHeightCm").asInt()).isEqualTo(181);
        assertThat(JSON.readTree(files.get("privacy-service/requests.json")).get(0).get("id").asText())
                .isEqualTo(requestId);
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo(ExportArchive.FORMAT);
        assertThat(manifest.get("files")).hasSize(7);

        // Another subject reaches neither the request nor this export: its own call starts its own.
        String other = "subject-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.subject(other)).get("/v1/dsr/" + requestId).then().statusCode(404);
        String othersRequest = given().auth().oauth2(TestTokens.subject(other)).get("/v1/subjects/me/export").then()
                .statusCode(202).extract().path("id");
        assertThat(othersRequest).isNotEqualTo(requestId);
        given().get("/v1/subjects/me/export").then().statusCode(401);
        given().auth().oauth2(TestTokens.service("ingest-service")).get("/v1/subjects/me/export").then().statusCode(403);

        var audit = KafkaRecords.read(bootstrap, Topics.AUDIT_EVENTS, r -> r.value().contains(requestId),
                l -> l.stream().anyMatch(r -> r.value().contains("subject.export.downloaded")), Duration.ofSeconds(20));
        List<String> actions = audit.stream()
                .map(r -> EventCodec.decode(r.value(), JsonNode.class).data().get("action").asText()).toList();
        assertThat(actions).contains("subject.export.requested", "subject.export.step-completed",
                "subject.export.completed", "subject.export.downloaded");
        assertThat(audit).allSatisfy(r -> assertThat(r.value()).doesNotContain(sub).doesNotContain("statedHeightCm"));
    }

    @Test
    void anOfficerExportsOnARecordedRequestAndEveryDownloadIsAudited() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonymOf(sub);
        String officer = TestTokens.withRoles("officer-ellis", "privacy-officer");
        String requestId = given().auth().oauth2(officer).contentType("application/json")
                .body("{\"subjectId\": \"" + sub + "\", \"reference\": \"DSR-2026-0077\"}")
                .post("/v1/officer/exports").then().statusCode(202)
                .body("type", equalTo("export")).body("reason", equalTo("officer-request")).extract().path("id");
        given().auth().oauth2(officer).get("/v1/officer/dsr/" + requestId + "/export?reference=DSR-2026-0077")
                .then().statusCode(409).body("type", equalTo("https://mensura.dev/problems/export-pending"));

        send(KafkaBroker.get().bootstrapServers(), ExportPart.nothingHeld(requestId, subject, "ingest-service"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(officer)
                .get("/v1/officer/dsr/" + requestId).then().body("status", equalTo("completed")));

        given().auth().oauth2(officer).get("/v1/officer/dsr/" + requestId + "/export").then().statusCode(400)
                .body("type", equalTo("https://mensura.dev/problems/invalid-officer-request"));
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/officer/dsr/" + requestId + "/export?reference=X")
                .then().statusCode(403);
        byte[] zip = given().auth().oauth2(officer).get("/v1/officer/dsr/" + requestId + "/export?reference=DSR-2026-0077")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        assertThat(unzip(zip)).containsKey("privacy-service/consents.json").doesNotContainKey("ingest-service/jobs.json");

        var audit = KafkaRecords.read(KafkaBroker.get().bootstrapServers(), Topics.AUDIT_EVENTS,
                r -> r.value().contains("subject.export.officer-downloaded") && r.value().contains(requestId),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        JsonNode entry = EventCodec.decode(audit.get(0).value(), JsonNode.class).data();
        assertThat(entry.get("actor").asText()).isEqualTo("officer:" + pseudonymOf("officer-ellis"));
        assertThat(entry.get("details").get("reference").asText()).isEqualTo("DSR-2026-0077");
    }

    @Test
    void erasureLeavesNoExportPartBehind() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonymOf(sub);
        var crypto = SubjectCrypto.overHttp(URI.create(base.toString()), () -> TestTokens.service("ingest-service"),
                Duration.ofSeconds(60));
        String requestId = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/subjects/me/export").then()
                .statusCode(202).extract().path("id");
        send(KafkaBroker.get().bootstrapServers(), part(crypto, requestId, subject, 0, 1, "jobs.json", "[]"));
        await().atMost(Duration.ofSeconds(20)).until(() -> partsOf(requestId) == 1);

        // Nothing completed before a minute ago: this export stays.
        assertThat(onVertx(() -> retention.purgeCompletedBefore(Instant.now().minusSeconds(60)))).isZero();
        assertThat(partsOf(requestId)).isEqualTo(1);

        given().auth().oauth2(TestTokens.subject(sub)).delete("/v1/subjects/me").then().statusCode(202);
        assertThat(partsOf(requestId)).as("export parts after erasure").isZero();
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/dsr/" + requestId).then().statusCode(200)
                .body("type", equalTo("export"));
    }

    @Test
    void theRetentionPurgeDeletesPartsOfExportsPastTheirLimit() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonymOf(sub);
        var crypto = SubjectCrypto.overHttp(URI.create(base.toString()), () -> TestTokens.service("ingest-service"),
                Duration.ofSeconds(60));
        String requestId = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/subjects/me/export").then()
                .statusCode(202).extract().path("id");
        send(KafkaBroker.get().bootstrapServers(), part(crypto, requestId, subject, 0, 1, "jobs.json", "[]"));
        await().atMost(Duration.ofSeconds(20)).until(() -> partsOf(requestId) == 1);

        assertThat(onVertx(() -> retention.purgeCompletedBefore(Instant.now().plusSeconds(60)))).isPositive();
        assertThat(partsOf(requestId)).isZero();
    }

    private static long partsOf(String requestId) throws Exception {
        return onVertx(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() ->
                ExportPartRow.count("key.requestId = ?1", UUID.fromString(requestId))));
    }

    private static <T> T onVertx(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static ExportPart part(SubjectCrypto crypto, String requestId, String subject, int index, int count,
                                   String name, String content) {
        return new ExportPart(requestId, subject, "ingest-service", index, count, name,
                name.endsWith(".csv") ? "text/csv" : "application/json",
                crypto.encryptToBase64(subject, ExportPart.PLACE, content));
    }

    private static void send(String bootstrap, ExportPart part) {
        KafkaRecords.publish(bootstrap, Topics.SUBJECT_EXPORT_COMPLETED, part.subjectPseudonym(),
                EventCodec.encode(CloudEvent.of("/test/ingest-service", EventTypes.SUBJECT_EXPORT_PART,
                        part.subjectPseudonym(), part)));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String pseudonymOf(String sub) throws Exception {
        return Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile()).pseudonym("subject", sub);
    }
}
