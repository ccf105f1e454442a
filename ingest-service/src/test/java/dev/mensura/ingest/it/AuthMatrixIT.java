package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthMatrixIT {
    private static final byte[] JPEG = PhotoFixtures.plainJpeg(64, 96, 21);

    @Test
    void noTokenIs401Everywhere() {
        given().multiPart("heightCm", "170").post("/v1/jobs").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/v1/jobs/" + UUID.randomUUID()).then().statusCode(401);
        given().get("/v1/jobs/" + UUID.randomUUID() + "/events").then().statusCode(401);
        given().get("/internal/photos/whatever").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByStrangerKey(newSubject())).get("/v1/jobs/" + UUID.randomUUID())
                .then().statusCode(401);
        // validly signed by the issuer, but meant for another application
        given().auth().oauth2(TestTokens.forAnotherAudience(newSubject())).get("/v1/jobs/" + UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void anotherSubjectsJobIsNotFound() {
        String alice = newSubject();
        consent(alice, true);
        String jobId = uploadJpegs(alice, JPEG, JPEG).then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.subject(alice)).get("/v1/jobs/" + jobId).then().statusCode(200);
        given().auth().oauth2(TestTokens.subject(newSubject())).get("/v1/jobs/" + jobId).then().statusCode(404)
                .body("type", equalTo("https://mensura.dev/problems/job-not-found"));
        given().auth().oauth2(TestTokens.subject(newSubject())).get("/v1/jobs/" + jobId + "/events").then().statusCode(404);
        given().auth().oauth2(TestTokens.subject(alice)).get("/v1/jobs/not-a-uuid").then().statusCode(404);
    }

    @Test
    void internalHandOverNeedsTheServiceRole() {
        given().auth().oauth2(TestTokens.subject(newSubject())).get("/internal/photos/anything").then().statusCode(403)
                .body("type", equalTo("https://mensura.dev/problems/forbidden"));
        given().auth().oauth2(TestTokens.service("vision-service")).get("/internal/photos/unknown").then().statusCode(410);
    }

    @Test
    void theHandOverAnswersVisionAloneAndSaysSoWithoutTouchingThePhoto() {
        // Here (no TLS) the token's subject names the caller; with TLS the certificate must name it too (e2e).
        for (String other : new String[] {"fitting-service", "ingest-service", "audit-service"}) {
            given().auth().oauth2(TestTokens.service(other)).get("/internal/photos/unknown").then().statusCode(403)
                    .body("type", equalTo("https://mensura.dev/problems/caller-not-allowed"));
        }
    }

    @Test
    void withoutConsentOrAfterRevocationNothingIsStored() {
        String sub = newSubject();
        var before = uploadDirFiles();
        uploadJpegs(sub, JPEG, JPEG).then().statusCode(403)
                .body("type", equalTo("https://mensura.dev/problems/consent-required"));
        consent(sub, true);
        consent(sub, false);
        uploadJpegs(sub, JPEG, JPEG).then().statusCode(403)
                .body("type", equalTo("https://mensura.dev/problems/consent-required"));
        assertThat(uploadDirFiles()).containsExactlyInAnyOrderElementsOf(before);
        given().auth().oauth2(TestTokens.service("ingest-service")).multiPart("heightCm", "170").post("/v1/jobs")
                .then().statusCode(403);
    }
}
