package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Restriction (Art. 18) across privacy-service and ingest: queued work stops, uploads are refused until lifted. */
@QuarkusTest
class RestrictionIT {

    @Test
    void restrictionStopsQueuedJobsAndBlocksUploadsUntilLifted() {
        String sub = newSubject();
        consent(sub, true);
        var before = uploadDirFiles();
        byte[] jpeg = PhotoFixtures.plainJpeg(64, 96, 71);
        String jobId = uploadJpegs(sub, jpeg, jpeg).then().statusCode(202).extract().path("id");
        var photos = Ingest.newFiles(before);
        String privacy = Ingest.config("mensura.test.privacy-url");

        given().baseUri(privacy).auth().oauth2(TestTokens.subject(sub)).post("/v1/subjects/me/restriction")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.subject(sub))
                .get("/v1/jobs/" + jobId).then().body("status", equalTo("failed")));
        assertThat(photos).noneMatch(Files::exists);
        PhotoPathIT.assertReceivedEqualsDestroyed(jobId, "processing-restricted");
        uploadJpegs(sub, jpeg, jpeg).then().statusCode(403)
                .body("type", equalTo("https://mensura.dev/problems/processing-restricted"));

        given().baseUri(privacy).auth().oauth2(TestTokens.subject(sub)).delete("/v1/subjects/me/restriction")
                .then().statusCode(200);
        uploadJpegs(sub, jpeg, jpeg).then().statusCode(202);
    }
}
