package dev.mensura.audit.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.mensura.testkit.ExportCoverage;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.PrivacyServiceResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * audit's part of a subject's export, with the real privacy-service holding the keys: the
 * entries about the subject and its jobs, sealed with its key, and nobody else's.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "audit"))
@QuarkusTestResource(value = PrivacyServiceResource.class, restrictToAnnotatedClass = true)
class AuditExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void append(String service, String action, String resource, String details) {
        given().auth().oauth2(TestTokens.service(service)).contentType("application/json")
                .body("{\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\""
                        + service + "\",\"action\":\"" + action + "\",\"resource\":\"" + resource
                        + "\",\"outcome\":\"success\",\"details\":" + details + "}")
                .post("/v1/audit/entries").then().statusCode(201);
    }

    @Test
    void theSubjectsEntriesAndItsJobsEntriesAreExportedSealed() throws Exception {
        Pseudonymizer pseudonyms = Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile());
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonyms.pseudonym("subject", sub);
        String other = pseudonyms.pseudonym("subject", "subject-" + UUID.randomUUID());
        String job = pseudonyms.pseudonym("job", UUID.randomUUID().toString());
        String privacy = ConfigProvider.getConfig().getValue("mensura.test.privacy-url", String.class);
        given().baseUri(privacy).auth().oauth2(TestTokens.subject(sub)).contentType("application/json")
                .body("{\"granted\": true}").put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);

        append("privacy-service", "subject.profile.rectified", "subject:" + subject, "{\"fields\":[\"statedHeightCm\"]}");
        append("ingest-service", "photo.received", "job:" + job + "/photo:front",
                "{\"sizeBytes\":10,\"subject\":\"" + subject + "\"}");
        append("ingest-service", "photo.destroyed", "job:" + job + "/photo:front", "{\"lifetimeMs\":1500}");
        append("privacy-service", "subject.profile.rectified", "subject:" + other, "{\"fields\":[\"preferredUnits\"]}");

        String requestId = UUID.randomUUID().toString();
        KafkaRecords.publish(KafkaBroker.get().bootstrapServers(), Topics.SUBJECT_EXPORT_REQUESTED, subject,
                EventCodec.encode(CloudEvent.of("/mensura/privacy-service", EventTypes.SUBJECT_EXPORT_REQUESTED, subject,
                        new ExportRequested(requestId, subject))));
        var answers = KafkaRecords.read(KafkaBroker.get().bootstrapServers(), Topics.SUBJECT_EXPORT_COMPLETED,
                r -> r.value().contains(requestId) && r.value().contains(AuditExport.SERVICE), l -> !l.isEmpty(),
                Duration.ofSeconds(30));
        ExportPart part = EventCodec.decode(answers.get(0).value(), ExportPart.class).data();
        assertThat(part.name()).isEqualTo(AuditExport.ENTRIES);
        assertThat(answers.get(0).value()).doesNotContain(job).doesNotContain("photo.destroyed");

        var crypto = SubjectCrypto.overHttp(URI.create(privacy), () -> TestTokens.service("audit-service"),
                Duration.ofSeconds(60));
        JsonNode entries = JSON.readTree(crypto.decryptFromBase64(subject, ExportPart.PLACE, part.sealedContent()));
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("entry").get("action").asText()));
        assertThat(actions).containsExactly("subject.profile.rectified", "photo.received", "photo.destroyed");
        assertThat(entries.toString()).doesNotContain(other);
    }

    @Test
    void everyAuditTableIsExportedOrExplained() throws Exception {
        ExportCoverage.assertEveryTableAccountedFor("mensura_audit", AuditExport.CATALOG);
    }
}
