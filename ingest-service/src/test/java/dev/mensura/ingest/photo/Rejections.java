package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mensura.ingest.photo.PhotoRejectedException.Reason;

/** Runs the sanitizer on input that must be refused, and checks the refusal is clean. */
final class Rejections {

    private Rejections() {
    }

    static PhotoRejectedException reject(PhotoSanitizer sanitizer, byte[] input) {
        PhotoRejectedException e = catchThrowableOfType(PhotoRejectedException.class, () -> sanitizer.sanitize(input));
        assertThat(e).as("sanitize must refuse this input").isNotNull();
        // I1/I6: the message goes to logs and to the client; it is a short fixed sentence.
        assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(80).doesNotContain("/", "\\", "canary-");
        return e;
    }

    static void assertRejected(PhotoSanitizer sanitizer, byte[] input, Reason expected) {
        assertThat(reject(sanitizer, input).reason()).isEqualTo(expected);
    }
}
