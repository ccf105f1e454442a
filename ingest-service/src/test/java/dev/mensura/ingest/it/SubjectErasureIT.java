package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.mensura.events.EventCodec;
import dev.mensura.events.Topics;
import dev.mensura.events.data.PhotoReceived;
import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Erasure across two running services (privacy-service as its own process, ingest here) over the
 * real Kafka broker and PostgreSQL: afterwards nothing of the subject is readable anywhere.
 */
@QuarkusTest
class SubjectErasureIT {

    @Test
    void erasureShredsTheKeyAndLeavesNoRowNoPhotoAndNoReadableCopy() {
        String sub = newSubject();
        consent(sub, true);
        var before = uploadDirFiles();
        byte[] jpeg = PhotoFixtures.plainJpeg(64, 96, 61);
        String jobId = uploadJpegs(sub, jpeg, jpeg).then().statusCode(202).extract().path("id");
        var photos = Ingest.newFiles(before);
        assertThat(photos).hasSize(2);
        String subject = Ingest.pseudonyms().pseudonym("subject", sub);

        // Copies as an attacker with the disks would find them: the row's ciphertext, the Kafka record.
        byte[] sealedRow = Ingest.jobColumn(jobId, "height_cm_sealed");
        String sealedEvent = EventCodec.decode(Ingest.read(Topics.PHOTO_RECEIVED, r -> r.value().contains(jobId),
                l -> !l.isEmpty(), Duration.ofSeconds(20)).get(0).value(), PhotoReceived.class).data().heightCmSealed();
        assertThat(sealedRow).isNotNull();

        String requestId = given().baseUri(Ingest.config("mensura.test.privacy-url")).auth()
                .oauth2(TestTokens.subject(sub)).delete("/v1/subjects/me").then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .baseUri(Ingest.config("mensura.test.privacy-url")).auth().oauth2(TestTokens.subject(sub))
                .get("/v1/dsr/" + requestId).then().statusCode(200).body("status", equalTo("completed"))
                .body("services[0].service", equalTo("ingest-service")).body("services[0].items", equalTo(1)));

        assertThat(photos).noneMatch(Files::exists);
        assertThat(Ingest.jobColumn(jobId, "id")).as("job row").isNull();
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId).then().statusCode(404);
        var crypto = Ingest.subjectCrypto();
        assertThatThrownBy(() -> crypto.decrypt(subject, "ingest.job.height_cm", sealedRow))
                .isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> crypto.decryptFromBase64(subject, PhotoReceived.HEIGHT_PLACE, sealedEvent))
                .isInstanceOf(SubjectErasedException.class);
        PhotoPathIT.assertReceivedEqualsDestroyed(jobId, "subject-erased");

        // Revoked means erased, and nothing new is accepted without a new consent.
        uploadJpegs(sub, jpeg, jpeg).then().statusCode(403)
                .body("type", equalTo("https://mensura.dev/problems/consent-required"));
    }

    @Test
    void revokingConsentErasesTheSubjectsJobs() {
        String sub = newSubject();
        consent(sub, true);
        byte[] jpeg = PhotoFixtures.plainJpeg(64, 96, 62);
        String jobId = uploadJpegs(sub, jpeg, jpeg).then().statusCode(202).extract().path("id");

        consent(sub, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> Ingest.jobColumn(jobId, "id") == null);
        given().auth().oauth2(TestTokens.subject(sub)).get("/v1/jobs/" + jobId).then().statusCode(404);
    }
}
