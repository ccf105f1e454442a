package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.ingest.photo.PhotoRejectedException.Reason;
import org.junit.jupiter.api.Test;

class DecoderHeadersTest {

    @Test
    void agreesWithTheWalkersOnRealFiles() {
        var image = TestImages.rgbImage(37, 21, 61);
        assertThatCode(() -> DecoderHeaders.verify(ImageFormat.JPEG, TestImages.jpeg(image, true), 37, 21))
                .doesNotThrowAnyException();
        assertThatCode(() -> DecoderHeaders.verify(ImageFormat.JPEG, TestImages.cmykJpeg(37, 21, 62), 37, 21))
                .doesNotThrowAnyException();
        assertThatCode(() -> DecoderHeaders.verify(ImageFormat.PNG, TestImages.png(image), 37, 21))
                .doesNotThrowAnyException();
        assertThatCode(() -> DecoderHeaders.verify(ImageFormat.WEBP, Webps.LOSSY_ALPHA_1X1, 1, 1))
                .doesNotThrowAnyException();
    }

    @Test
    void disagreementOrUnreadableHeaderIsMalformed() {
        byte[] png = TestImages.png(TestImages.rgbImage(10, 10, 63));
        assertThat(reason(() -> DecoderHeaders.verify(ImageFormat.PNG, png, 10, 11))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(() -> DecoderHeaders.verify(ImageFormat.JPEG, png, 10, 10))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(() -> DecoderHeaders.verify(ImageFormat.WEBP, png, 10, 10))).isEqualTo(Reason.MALFORMED);
    }

    private static Reason reason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(PhotoRejectedException.class, call).reason();
    }
}
