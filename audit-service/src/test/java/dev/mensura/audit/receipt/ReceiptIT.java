package dev.mensura.audit.receipt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.auditverifier.AuditVerifier;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.AuditRecord;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subject's destruction receipt from the running log, checked by the offline verifier. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
class ReceiptIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Pseudonymizer pseudonyms() throws Exception {
        return Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile());
    }

    /** What ingest publishes for a photo, keyed and named as it does. */
    private static void photo(String job, String view, String action, Map<String, Object> details) {
        var record = new AuditRecord(Instant.now(), "ingest-service", action, "job:" + job + "/photo:" + view,
                "success", job, details);
        KafkaRecords.publish(KafkaBroker.get().bootstrapServers(), Topics.AUDIT_EVENTS, job,
                EventCodec.encode(CloudEvent.of("/mensura/ingest-service", EventTypes.AUDIT_RECORDED, job, record)));
    }

    /** The receipt once the log holds {@code entries} entries of the job in a signed checkpoint. */
    private static String awaitReceipt(String sub, String jobId, int entries) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId + "/receipt");
            return response.statusCode() == 200 ? response.asString() : null;
        }, body -> body != null && entriesIn(body) == entries);
    }

    private static int entriesIn(String receipt) {
        try {
            return JSON.readTree(receipt).get("entries").size();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSubjectsReceiptProvesBothPhotosDestroyedAndNothingElseVerifies(@TempDir Path dir) throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonyms().pseudonym("subject", sub);
        String jobId = UUID.randomUUID().toString();
        String job = pseudonyms().pseudonym("job", jobId);
        for (String view : new String[] {"front", "side"}) {
            photo(job, view, "photo.received", Map.of("sizeBytes", 5000, "subject", subject));
            photo(job, view, "photo.destroyed", Map.of("sizeBytes", 5000, "lifetimeMs", 2100,
                    "reason", "vision-completed"));
        }
        String receipt = awaitReceipt(sub, jobId, 4);

        Path keys = Files.writeString(dir.resolve("keys.txt"), given().get("/v1/audit/public-key").asString());
        Path file = Files.writeString(dir.resolve("receipt.json"), receipt);
        var out = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(new String[] {"receipt", "--keys", keys.toString(), "--receipt", file.toString()},
                new PrintStream(out), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(AuditVerifier.VERIFIED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("front photo destroyed after 2100 ms")
                .contains("side photo destroyed after 2100 ms");

        // A receipt edited to claim a shorter life no longer verifies.
        ObjectNode edited = (ObjectNode) JSON.readTree(receipt);
        ((ObjectNode) edited.get("entries").get(1).get("entry").get("details")).put("lifetimeMs", 10);
        Path forged = dir.resolve("forged.json");
        JSON.writeValue(forged.toFile(), edited);
        var err = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(new String[] {"receipt", "--keys", keys.toString(), "--receipt", forged.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not in the signed log");

        // Another subject's receipt for this job does not exist; nor does one without a token.
        given().auth().oauth2(TestTokens.subject("subject-" + UUID.randomUUID())).get("/v1/jobs/" + jobId + "/receipt")
                .then().statusCode(404).body("type", equalTo("https://mensura.dev/problems/receipt-not-found"));
        given().get("/v1/jobs/" + jobId + "/receipt").then().statusCode(401);
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/not-a-job/receipt").then().statusCode(404);
    }

    @Test
    void aPhotoWithoutADestructionMakesTheReceiptFail(@TempDir Path dir) throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonyms().pseudonym("subject", sub);
        String jobId = UUID.randomUUID().toString();
        String job = pseudonyms().pseudonym("job", jobId);
        photo(job, "front", "photo.received", Map.of("sizeBytes", 5000, "subject", subject));
        photo(job, "side", "photo.received", Map.of("sizeBytes", 5000, "subject", subject));
        photo(job, "front", "photo.destroyed", Map.of("sizeBytes", 5000, "lifetimeMs", 900, "reason", "vision-failed"));
        String receipt = awaitReceipt(sub, jobId, 3);

        Path keys = Files.writeString(dir.resolve("keys.txt"), given().get("/v1/audit/public-key").asString());
        Path file = Files.writeString(dir.resolve("receipt.json"), receipt);
        var err = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(new String[] {"receipt", "--keys", keys.toString(), "--receipt", file.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("side photo has no recorded destruction");
    }
}
