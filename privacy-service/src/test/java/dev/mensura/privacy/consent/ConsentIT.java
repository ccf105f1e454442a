package dev.mensura.privacy.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Consent API against the real PostgreSQL from testkit. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = {
        @ResourceArg(name = "database", value = "privacy")})
class ConsentIT {
    private static final String PATH = "/v1/subjects/me/consents";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String newSubject() {
        return "subject-" + UUID.randomUUID();
    }

    @Test
    void grantsAreKeptWithTheirHistory() {
        String alice = TestTokens.subject(newSubject());
        as(alice).body("{\"granted\": true}").put(PATH + "/body-measurement")
                .then().statusCode(200).body("granted", equalTo(true)).body("policyVersion", equalTo("2026-11"));
        as(alice).body("{\"granted\": true, \"policyVersion\": \"2026-11\"}").put(PATH + "/body-measurement")
                .then().statusCode(200).body("granted", equalTo(true));

        as(alice).get(PATH).then().statusCode(200)
                .body("consents", hasSize(1))
                .body("consents[0].granted", equalTo(true))
                .body("history.granted", contains(true, true))
                .body("history.purpose", contains("body-measurement", "body-measurement"));
    }

    @Test
    void concurrentFirstDecisionsDoNotCollide() throws Exception {
        String token = TestTokens.subject(newSubject());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var calls = java.util.stream.IntStream.range(0, 6).mapToObj(i -> pool.submit(() -> as(token)
                    .body("{\"granted\": true}").put(PATH + "/body-measurement").statusCode())).toList();
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        as(token).get(PATH).then().body("consents", hasSize(1)).body("history", hasSize(6));
    }

    @Test
    void revokingErasesTheSubjectWithNoOverride() {
        String sub = newSubject();
        String alice = TestTokens.subject(sub);
        as(alice).body("{\"granted\": true}").put(PATH + "/body-measurement").then().statusCode(200);

        String requestId = as(alice).body("{\"granted\": false}").put(PATH + "/body-measurement")
                .then().statusCode(200).body("granted", equalTo(false)).extract().path("erasureRequestId");

        assertThat(requestId).isNotNull();
        as(alice).get("/v1/dsr/" + requestId).then().statusCode(200)
                .body("type", equalTo("erasure")).body("reason", equalTo("consent-revoked"));
        // Everything about the subject is gone, the consents with it; processing is refused.
        as(alice).get(PATH).then().statusCode(200).body("consents", empty()).body("history", empty());
    }

    @Test
    void internalCheckAnswersByPseudonymForServicesOnly() throws Exception {
        String sub = newSubject();
        String pseudonym = Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile()).pseudonym("subject", sub);
        String check = "/internal/consents/" + pseudonym + "/body-measurement";

        as(TestTokens.service("ingest-service")).get(check).then().statusCode(200).body("granted", equalTo(false));
        as(TestTokens.subject(sub)).body("{\"granted\": true}").put(PATH + "/body-measurement").then().statusCode(200);
        as(TestTokens.service("ingest-service")).get(check).then().statusCode(200).body("granted", equalTo(true));

        as(TestTokens.subject(sub)).get(check).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://mensura.dev/problems/forbidden"));
    }

    @Test
    void subjectsSeeOnlyTheirOwnConsents() {
        String alice = TestTokens.subject(newSubject());
        String bob = TestTokens.subject(newSubject());
        as(alice).body("{\"granted\": true}").put(PATH + "/body-measurement").then().statusCode(200);
        as(bob).get(PATH).then().statusCode(200).body("consents", empty()).body("history", empty());
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String token = TestTokens.subject(newSubject());
        as(token).body("{\"granted\": true}").put(PATH + "/marketing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mensura.dev/problems/unknown-purpose"));
        as(token).body("{}").put(PATH + "/body-measurement")
                .then().statusCode(400).body("type", equalTo("https://mensura.dev/problems/invalid-consent-request"));
        as(token).body("{\"granted\": true, \"policyVersion\": \"2020-01\"}").put(PATH + "/body-measurement")
                .then().statusCode(409).body("type", equalTo("https://mensura.dev/problems/stale-policy-version"));
        as(token).body("{not json").put(PATH + "/body-measurement")
                .then().statusCode(400).contentType("application/problem+json");
        as(token).get(PATH).then().statusCode(200).body("history", empty());
    }

    @Test
    void authenticationIsRequiredEverywhere() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json")
                .body("type", startsWith("https://mensura.dev/problems/unauthenticated"));
        as(TestTokens.expired(newSubject())).get(PATH).then().statusCode(401);
        as(TestTokens.signedByStrangerKey(newSubject())).get(PATH).then().statusCode(401);
        as(TestTokens.service("ingest-service")).get(PATH).then().statusCode(403);
        given().get("/internal/consents/x/body-measurement").then().statusCode(401);
    }
}
