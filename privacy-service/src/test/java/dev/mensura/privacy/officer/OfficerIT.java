package dev.mensura.privacy.officer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.EventCodec;
import dev.mensura.events.Topics;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.KafkaBroker;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The privacy officer erases on a recorded request; the officer's action is audited, never the raw identity. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "privacy"))
class OfficerIT {

    @Test
    void anOfficerErasesOnARecordedRequestAndIsAudited() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        Pseudonymizer pseudonyms = Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile());
        String subject = pseudonyms.pseudonym("subject", sub);
        given().auth().oauth2(TestTokens.service("ingest-service")).get("/internal/keys/" + subject).then().statusCode(200);
        String officer = TestTokens.withRoles("officer-dana", "privacy-officer");

        String requestId = given().auth().oauth2(officer).contentType("application/json")
                .body("{\"subjectId\": \"" + sub + "\", \"reference\": \"DSR-2026-0042\"}")
                .post("/v1/officer/erasures").then().statusCode(202)
                .body("reason", equalTo("officer-request")).extract().path("id");

        given().auth().oauth2(TestTokens.service("ingest-service")).get("/internal/keys/" + subject).then().statusCode(410);
        given().auth().oauth2(officer).get("/v1/officer/dsr/" + requestId).then().statusCode(200)
                .body("type", equalTo("erasure"));
        var audit = KafkaRecords.read(KafkaBroker.get().bootstrapServers(), Topics.AUDIT_EVENTS,
                r -> r.value().contains("subject.erasure.officer-requested") && r.value().contains(requestId),
                l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertThat(audit).hasSize(1);
        JsonNode entry = EventCodec.decode(audit.get(0).value(), JsonNode.class).data();
        assertThat(entry.get("actor").asText()).isEqualTo("officer:" + pseudonyms.pseudonym("subject", "officer-dana"));
        assertThat(entry.get("details").get("reference").asText()).isEqualTo("DSR-2026-0042");
        assertThat(audit.get(0).value()).doesNotContain(sub).doesNotContain("officer-dana");
    }

    @Test
    void onlyOfficersAndOnlyWithAReference() {
        String body = "{\"subjectId\": \"someone\", \"reference\": \"DSR-1\"}";
        given().auth().oauth2(TestTokens.subject("someone")).contentType("application/json").body(body)
                .post("/v1/officer/erasures").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("ops", "operator")).contentType("application/json").body(body)
                .post("/v1/officer/erasures").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("officer-dana", "privacy-officer")).contentType("application/json")
                .body("{\"subjectId\": \"someone\"}").post("/v1/officer/erasures").then().statusCode(400)
                .body("type", equalTo("https://mensura.dev/problems/invalid-officer-request"));
        given().auth().oauth2(TestTokens.subject("someone")).get("/v1/officer/dsr/" + UUID.randomUUID())
                .then().statusCode(403);
    }
}
