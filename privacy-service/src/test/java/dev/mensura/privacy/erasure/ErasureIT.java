package dev.mensura.privacy.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.ErasureCompleted;
import dev.mensura.events.data.ErasureRequested;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The erasure saga on privacy's side, against real PostgreSQL and Kafka: the participating
 * service (ingest-service) is not running here, which is the "one service down" case; the test
 * then answers for it, as it would on its return.
 */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "privacy"))
class ErasureIT {

    private static String pseudonymOf(String sub) throws Exception {
        return Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile()).pseudonym("subject", sub);
    }

    @Test
    void keyFirstThenEveryServiceAskedUntilItAnswers() throws Exception {
        String sub = "subject-" + UUID.randomUUID();
        String subject = pseudonymOf(sub);
        given().auth().oauth2(TestTokens.subject(sub)).contentType("application/json").body("{\"granted\": true}")
                .put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);
        given().auth().oauth2(TestTokens.service("ingest-service")).get("/internal/keys/" + subject).then().statusCode(200);
        // only the services that seal data get keys
        given().auth().oauth2(TestTokens.service("web-app")).get("/internal/keys/" + subject).then().statusCode(403)
                .body("type", equalTo("https://mensura.dev/problems/caller-not-allowed"));

        var accepted = given().auth().oauth2(TestTokens.subject(sub)).delete("/v1/subjects/me").then().statusCode(202)
                .body("type", equalTo("erasure")).body("status", equalTo("pending"))
                .body("services[0].service", equalTo("ingest-service")).body("services[0].status", equalTo("pending"))
                .extract();
        String requestId = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/v1/dsr/" + requestId);

        // Crypto-shredding came first: the key is gone for every service.
        given().auth().oauth2(TestTokens.service("ingest-service")).get("/internal/keys/" + subject)
                .then().statusCode(410);
        // A second request while this one is pending is the same request.
        given().auth().oauth2(TestTokens.subject(sub)).delete("/v1/subjects/me").then().statusCode(202)
                .body("id", equalTo(requestId));

        // Nobody answers: the request is asked again (retry every 2 s in tests), keyed by the pseudonym.
        String bootstrap = KafkaBroker.get().bootstrapServers();
        var asked = KafkaRecords.read(bootstrap, Topics.SUBJECT_ERASURE_REQUESTED, r -> r.value().contains(requestId),
                l -> l.size() >= 2, Duration.ofSeconds(20));
        assertThat(asked).hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(subject));
        ErasureRequested request = EventCodec.decode(asked.get(0).value(), ErasureRequested.class,
                EventTypes.SUBJECT_ERASURE_REQUESTED).data();
        assertThat(request.reason()).isEqualTo("subject-request");
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/dsr/" + requestId).then()
                .body("status", equalTo("pending"));

        // An unknown service's answer changes nothing; ingest's answer (twice: a replay) completes it once.
        answer(bootstrap, new ErasureCompleted(requestId, subject, "someone-else", 9));
        answer(bootstrap, new ErasureCompleted(requestId, subject, "ingest-service", 3));
        answer(bootstrap, new ErasureCompleted(requestId, subject, "ingest-service", 7));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.subject(sub))
                .get("/v1/dsr/" + requestId).then().body("status", equalTo("completed"))
                .body("services[0].items", equalTo(3)));

        // Each step is an audit event with pseudonyms and counts only.
        var audit = KafkaRecords.read(bootstrap, Topics.AUDIT_EVENTS, r -> r.value().contains(requestId),
                l -> l.stream().anyMatch(r -> r.value().contains("subject.erasure.completed")), Duration.ofSeconds(20));
        List<String> actions = audit.stream()
                .map(r -> EventCodec.decode(r.value(), JsonNode.class).data().get("action").asText()).toList();
        assertThat(actions).contains("subject.key.destroyed", "subject.erasure.requested",
                "subject.erasure.step-completed", "subject.erasure.completed");
        assertThat(actions.stream().filter("subject.erasure.step-completed"::equals)).hasSize(1);
        assertThat(audit).allSatisfy(r -> assertThat(r.value()).doesNotContain(sub));
    }

    @Test
    void aSubjectSeesOnlyItsOwnRequests() {
        String alice = "subject-" + UUID.randomUUID();
        String requestId = given().auth().oauth2(TestTokens.subject(alice)).delete("/v1/subjects/me")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.subject("subject-" + UUID.randomUUID())).get("/v1/dsr/" + requestId)
                .then().statusCode(404).body("type", equalTo("https://mensura.dev/problems/dsr-not-found"));
        given().get("/v1/dsr/" + requestId).then().statusCode(401);
        given().auth().oauth2(TestTokens.service("ingest-service")).delete("/v1/subjects/me").then().statusCode(403);
    }

    private static void answer(String bootstrap, ErasureCompleted answer) {
        KafkaRecords.publish(bootstrap, Topics.SUBJECT_ERASURE_COMPLETED, answer.subjectPseudonym(),
                EventCodec.encode(CloudEvent.of("/test/" + answer.service(), EventTypes.SUBJECT_ERASURE_COMPLETED,
                        answer.subjectPseudonym(), answer)));
    }
}
