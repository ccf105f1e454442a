package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mensura.ingest.photo.PhotoFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** I4 fails closed: if consent cannot be checked, nothing is accepted. */
@QuarkusTest
@TestProfile(PrivacyDownProfile.class)
class PrivacyUnreachableIT {

    @Test
    void uploadIsRefusedWith503AndNothingIsStored() {
        byte[] jpeg = PhotoFixtures.plainJpeg(64, 96, 41);
        var before = uploadDirFiles();
        uploadJpegs(newSubject(), jpeg, jpeg).then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mensura.dev/problems/consent-service-unavailable"));
        assertThat(uploadDirFiles()).containsExactlyInAnyOrderElementsOf(before);
    }
}
