package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mensura.ingest.photo.PhotoRejectedException.Reason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhotoLimitsTest {

    @Test
    void defaultsMatchTheIssue() {
        PhotoLimits limits = PhotoLimits.defaults();
        assertThat(limits.maxBytes()).isEqualTo(15L * 1024 * 1024);
        assertThat(limits.maxPixels()).isEqualTo(50_000_000L);
        assertThat(limits.maxSide()).isEqualTo(12_000);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new PhotoLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhotoLimits(Integer.MAX_VALUE, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhotoLimits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhotoLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonsMapToClientErrors() {
        assertThat(Reason.values()).allSatisfy(r -> {
            assertThat(r.status()).isBetween(400, 499);
            assertThat(r.slug()).matches("[a-z]+(-[a-z]+)*");
        });
        assertThat(Arrays.stream(Reason.values()).map(Reason::slug).distinct()).hasSize(Reason.values().length);
        assertThat(Reason.UNSUPPORTED_TYPE.status()).isEqualTo(415);
        assertThat(Reason.TOO_LARGE.status()).isEqualTo(413);
    }

    @Test
    void sanitizedPhotoNeverPrintsItsBytes() {
        byte[] bytes = Canary.bytes(Canary.next("bytes"));
        SanitizedPhoto photo = new SanitizedPhoto(ImageFormat.PNG, bytes, 3, 2, 1, null);
        assertThat(photo.toString()).doesNotContain("canary").contains(bytes.length + " bytes");
        assertThatThrownBy(() -> new SanitizedPhoto(ImageFormat.PNG, bytes, 3, 2, 9, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
