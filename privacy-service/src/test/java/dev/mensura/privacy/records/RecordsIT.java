package dev.mensura.privacy.records;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.mensura.testkit.MensuraInfraResource;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The records API in the running service: who may read what, in which representation. */
@QuarkusTest
@QuarkusTestResource(value = MensuraInfraResource.class, initArgs = @ResourceArg(name = "database", value = "privacy"))
class RecordsIT {
    private static final String ART30 = "/v1/records/art30";
    private static final String NOTICE = "/v1/privacy-notice";

    @ConfigProperty(name = "mensura.privacy.policy-version")
    String policyVersion;

    private static String officer() {
        return TestTokens.withRoles("officer", "compliance");
    }

    @Test
    void art30IsForTheComplianceRoleOnly() {
        given().auth().oauth2(officer()).get(ART30).then().statusCode(200);
        given().auth().oauth2(TestTokens.subject("subject-" + UUID.randomUUID())).get(ART30).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://mensura.dev/problems/forbidden"));
        given().auth().oauth2(TestTokens.service("ingest-service")).get(ART30).then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("operator", "operator")).get(ART30).then().statusCode(403);
        given().get(ART30).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://mensura.dev/problems/unauthenticated"));
    }

    @Test
    void art30IsTheModelInJsonAndTheDocumentInMarkdown() {
        given().auth().oauth2(officer()).accept("application/json").get(ART30).then().statusCode(200)
                .contentType("application/json")
                .header("Vary", equalTo("Accept"))
                .body("purposes.id", hasItem("body-measurement"))
                .body("dataCategories.find { it.id == 'photos' }.retention.kind", equalTo("period"))
                .body("dataCategories.find { it.id == 'photos' }.retention.maxAge", equalTo("PT300S"))
                .body("rights.find { it.id == 'erasure' }.endpoints[0].status", equalTo("available"))
                .body("thirdCountryTransfers.transfers.size()", equalTo(0));
        // No Accept header at all: JSON.
        given().auth().oauth2(officer()).get(ART30).then().statusCode(200).contentType("application/json");

        String markdown = given().auth().oauth2(officer()).accept("text/markdown").get(ART30).then().statusCode(200)
                .contentType(startsWith("text/markdown")).extract().asString();
        assertThat(markdown).startsWith("# Record of processing activities (Art. 30(1) GDPR)")
                .contains("`" + policyVersion + "`", "(Art. 30(1)(g), Art. 32)");
    }

    @Test
    void theNoticeIsPublicCacheableAndCarriesThePolicyVersion() {
        given().accept("application/json").get(NOTICE).then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", equalTo("public, max-age=300"))
                .header("Vary", equalTo("Accept"))
                .body("policyVersion", equalTo(policyVersion))
                .body("sections.id", hasItem("rights"));

        String markdown = given().accept("text/markdown").get(NOTICE).then().statusCode(200)
                .contentType(startsWith("text/markdown"))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .extract().asString();
        assertThat(markdown).startsWith("# Privacy notice").contains("Version " + policyVersion + ".");
        // A token changes nothing: same notice for everyone.
        given().auth().oauth2(TestTokens.subject("subject-" + UUID.randomUUID())).get(NOTICE).then().statusCode(200)
                .body("policyVersion", equalTo(policyVersion));
    }

    @Test
    void theNoticesVersionIsTheOneConsentsAreRecordedUnder() {
        String version = given().get(NOTICE).then().statusCode(200).extract().path("policyVersion");
        given().auth().oauth2(TestTokens.subject("subject-" + UUID.randomUUID())).contentType("application/json")
                .body("{\"granted\": true, \"policyVersion\": \"" + version + "\"}")
                .put("/v1/subjects/me/consents/body-measurement").then().statusCode(200)
                .body("policyVersion", equalTo(version));
    }

    @Test
    void anUnservedRepresentationIsAProblem() {
        given().accept("image/png").get(NOTICE).then().statusCode(406).contentType("application/problem+json");
    }

    /** Every endpoint the record calls available is really served here (401 without a token, not 404). */
    @Test
    void endpointsTheRecordCallsAvailableExist() {
        ProcessingRecord record = ProcessingRecordLoader.load();
        record.rights().stream().flatMap(r -> r.endpoints().stream())
                .filter(e -> e.status() == ProcessingRecord.EndpointStatus.AVAILABLE)
                .forEach(e -> {
                    String path = e.path().replace("{purpose}", "body-measurement")
                            .replace("{id}", UUID.randomUUID().toString());
                    var request = given();
                    if (e.method().equals("PUT") || e.method().equals("POST")) {
                        request.contentType("application/json").body("{}");
                    }
                    int status = request.request(e.method(), path).statusCode();
                    assertThat(status).as(e.method() + " " + e.path()).isEqualTo(401);
                });
    }
}
