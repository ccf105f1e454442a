package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mensura.ingest.photo.PhotoFixtures;
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

        await().atMost(Duration.ofSeconds(15)).until(() -> uploadDirFiles().isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        PhotoPathIT.assertReceivedEqualsDestroyed(jobId, "lifetime-exceeded");
    }
}
