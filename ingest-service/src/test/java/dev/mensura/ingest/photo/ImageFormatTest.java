package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void sniffsTheThreeFormatsFromRealFiles() {
        var image = TestImages.rgbImage(8, 8, 51);
        assertThat(ImageFormat.sniff(TestImages.jpeg(image, false))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(TestImages.png(image))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(Webps.LOSSY_1X1)).contains(ImageFormat.WEBP);
    }

    @Test
    void needsTheWholeSignature() {
        byte[] png = TestImages.png(TestImages.rgbImage(8, 8, 52));
        for (int length = 0; length < 8; length++) {
            assertThat(ImageFormat.sniff(Arrays.copyOf(png, length))).as("%d bytes", length).isEmpty();
        }
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.sniff(Arrays.copyOf(Webps.LOSSY_1X1, 11))).isEmpty();
        assertThat(ImageFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.sniff(null)).isEmpty();
    }

    @Test
    void mediaTypes() {
        for (ImageFormat format : ImageFormat.values()) {
            assertThat(format.mediaType()).isEqualTo("image/" + format.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
