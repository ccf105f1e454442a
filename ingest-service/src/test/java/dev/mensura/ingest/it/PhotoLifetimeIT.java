package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.data.PhotoReceived;
import dev.mensura.events.Topics;
import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** I2: photos die at the lifetime limit even when vision never answers. */
@QuarkusTest
@TestProfile(ShortLifetimeProfile.class)
class PhotoLifetimeIT {

    @Test
    void photosAreDestroyedAtTheLifetimeLimitWithoutAnyVisionEvent() {
        String sub = newSubject();
        consent(sub, true);
        long start = System.nanoTime();
        String jobId = uploadJpegs(sub, PhotoFixtures.plainJpeg(64, 96, 31), PhotoFixtures.plainJpeg(64, 96, 32))
                .then().statusCode(202).extract().path("id");
        assertThat(uploadDirFiles()).hasSize(2);

        // Back-pressure: this node has room for one job holding photos; the next is told to retry.
        uploadJpegs(sub, PhotoFixtures.plainJpeg(64, 96, 33), PhotoFixtures.plainJpeg(64, 96, 34))
                .then().statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", equalTo("https://mensura.dev/problems/capacity-exhausted"));
        assertThat(uploadDirFiles()).hasSize(2);

        await().atMost(Duration.ofSeconds(15)).until(() -> uploadDirFiles().isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        PhotoPathIT.assertReceivedEqualsDestroyed(jobId, "lifetime-exceeded");
        // "No later than": the audited lifetime stays within the limit plus one check interval (and some slack).
        var destroyed = Ingest.read(Topics.AUDIT_EVENTS, r -> Ingest.jobPseudonym(jobId).equals(r.key())
                        && r.value().contains("photo.destroyed"), l -> l.size() >= 2, Duration.ofSeconds(10));
        assertThat(destroyed).allSatisfy(r -> assertThat(EventCodec.decode(r.value(), JsonNode.class).data()
                .get("details").get("lifetimeMs").asLong()).isBetween(2_000L, 3_500L));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(TestTokens.subject(sub))
                .get("/v1/jobs/" + jobId).then().body("status", equalTo("failed")));
        uploadJpegs(sub, PhotoFixtures.plainJpeg(64, 96, 35), PhotoFixtures.plainJpeg(64, 96, 36)).then().statusCode(202);
    }

    @Test
    void aJobWhosePhotosWereHandedOverButNeverAnsweredEndsFailedWithAReason() {
        String sub = newSubject();
        consent(sub, true);
        // the other test's last job may still hold this node's one place for a moment
        String[] jobId = new String[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var response = uploadJpegs(sub, PhotoFixtures.plainJpeg(64, 96, 41), PhotoFixtures.plainJpeg(64, 96, 42));
            jobId[0] = response.statusCode() == 202 ? response.path("id") : null;
            return jobId[0] != null;
        });
        var announced = Ingest.read(Topics.PHOTO_RECEIVED, r -> r.value().contains(jobId[0]), l -> !l.isEmpty(),
                Duration.ofSeconds(10));
        PhotoReceived received = EventCodec.decode(announced.get(0).value(), PhotoReceived.class,
                EventTypes.PHOTO_RECEIVED).data();
        // "vision" takes both photos and dies before answering: nothing will ever complete the job
        for (PhotoReceived.PhotoRef ref : received.photos()) {
            given().auth().oauth2(TestTokens.service("vision-service")).get("/internal/photos/" + ref.handoverToken())
                    .then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(TestTokens.subject(sub))
                .get("/v1/jobs/" + jobId[0]).then().body("status", equalTo("failed"))
                .body("message", containsString("lost before they could be read")));
        PhotoPathIT.assertReceivedEqualsDestroyed(jobId[0], "handed-over");
    }
}
