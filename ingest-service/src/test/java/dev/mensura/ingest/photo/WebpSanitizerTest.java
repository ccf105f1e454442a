package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebpSanitizerTest {

    private static final int WIDTH = 23;
    private static final int HEIGHT = 17;
    private static final int[] LOWS = {12, 40, 1};
    private static final int[] HIGHS = {230, 200, 150};

    private final PhotoSanitizer sanitizer = new PhotoSanitizer(PhotoLimits.defaults());

    @ParameterizedTest(name = "Exif prefix in EXIF chunk={0}")
    @ValueSource(booleans = {false, true})
    void stripsExifXmpAndUnknownChunksFromLosslessAndFixesHeaders(boolean exifPrefix) {
        int[] bits = randomBits(WIDTH * HEIGHT, 11);
        byte[] bitstream = Webps.vp8l(WIDTH, HEIGHT, bits, LOWS, HIGHS);
        // The hand-made bitstream really is the image we think it is.
        assertThat(TestImages.pixels(TestImages.decode(Webps.riff(Webps.chunk("VP8L", bitstream)), "webp")))
                .isEqualTo(expectedPixels(bits));
        MetadataFixture meta = MetadataFixture.standard();
        String unknown = Canary.next("unknown");
        byte[] tiff = meta.tiff();
        byte[] uploaded = Webps.riff(
                Webps.vp8x(Webps.FLAG_EXIF | Webps.FLAG_XMP, WIDTH, HEIGHT),
                Webps.chunk("VP8L", bitstream),
                Webps.chunk("EXIF", exifPrefix ? TestImages.concat(MetadataFixture.EXIF_HEADER, tiff) : tiff),
                Webps.chunk("XMP ", meta.xmpPacket()),
                Webps.chunk("ZZZZ", Canary.bytes(unknown)));

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(photo.width()).isEqualTo(WIDTH);
        assertThat(photo.height()).isEqualTo(HEIGHT);
        assertThat(photo.orientation()).isEqualTo(6);
        assertThat(photo.focalLength35mm()).isEqualTo(26);
        byte[] out = photo.bytes();
        assertThat(Webps.chunks(out)).extracting(Webps.Chunk::id).containsExactly("VP8X", "VP8L");
        assertThat(Bytes.u32le(out, 4)).as("RIFF size").isEqualTo(out.length - 8L);
        assertThat(out[20] & (Webps.FLAG_EXIF | Webps.FLAG_XMP)).as("VP8X flags").isZero();
        for (String canary : meta.canaries()) {
            assertThat(Canary.contains(out, canary)).as(canary).isFalse();
        }
        assertThat(Canary.contains(out, unknown)).isFalse();
        assertThat(out).isEqualTo(Webps.riff(Webps.vp8x(0, WIDTH, HEIGHT), Webps.chunk("VP8L", bitstream)));
        assertThat(TestImages.pixels(TestImages.decode(out, "webp")))
                .isEqualTo(TestImages.pixels(TestImages.decode(uploaded, "webp")))
                .isEqualTo(expectedPixels(bits));
    }

    @Test
    void keepsIccAndAlphaOfALossyImage() {
        List<byte[]> parts = Webps.rawChunks(Webps.LOSSY_ALPHA_1X1);
        assertThat(Webps.chunks(Webps.LOSSY_ALPHA_1X1)).extracting(Webps.Chunk::id)
                .containsExactly("VP8X", "ALPH", "VP8 ");
        byte[] alph = parts.get(1);
        byte[] vp8 = parts.get(2);
        byte[] iccp = Webps.chunk("ICCP", MetadataFixture.iccProfile());
        MetadataFixture meta = MetadataFixture.standard();
        int flags = Webps.FLAG_ALPHA | Webps.FLAG_ICC | Webps.FLAG_EXIF | Webps.FLAG_XMP;
        byte[] uploaded = Webps.riff(Webps.vp8x(flags, 1, 1), iccp, alph, vp8,
                Webps.chunk("EXIF", meta.tiff()), Webps.chunk("XMP ", meta.xmpPacket()));

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.bytes()).isEqualTo(
                Webps.riff(Webps.vp8x(Webps.FLAG_ALPHA | Webps.FLAG_ICC, 1, 1), iccp, alph, vp8));
        assertThat(photo.orientation()).isEqualTo(6);
        assertThat(TestImages.pixels(TestImages.decode(photo.bytes(), "webp")))
                .isEqualTo(TestImages.pixels(TestImages.decode(uploaded, "webp")));
    }

    @Test
    void clearsTheIccFlagWhenNoProfileIsKept() {
        List<byte[]> parts = Webps.rawChunks(Webps.LOSSY_ALPHA_1X1);
        byte[] uploaded = Webps.riff(Webps.vp8x(Webps.FLAG_ALPHA | Webps.FLAG_ICC, 1, 1), parts.get(1), parts.get(2));

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.bytes()[20]).isEqualTo((byte) Webps.FLAG_ALPHA);
    }

    @Test
    void simpleLossyFileWithoutMetadataIsCopiedUnchanged() {
        SanitizedPhoto photo = sanitizer.sanitize(Webps.LOSSY_1X1);

        assertThat(photo.bytes()).isEqualTo(Webps.LOSSY_1X1).isNotSameAs(Webps.LOSSY_1X1);
        assertThat(photo.width()).isEqualTo(1);
        assertThat(photo.height()).isEqualTo(1);
        assertThat(photo.orientation()).isEqualTo(1);
        assertThat(photo.focalLength35mm()).isNull();
    }

    static int[] randomBits(int count, long seed) {
        Random random = new Random(seed);
        int[] bits = new int[count];
        for (int i = 0; i < count; i++) {
            bits[i] = random.nextInt(8);
        }
        return bits;
    }

    private static int[] expectedPixels(int[] bits) {
        int[] argb = new int[bits.length];
        for (int i = 0; i < bits.length; i++) {
            argb[i] = Webps.argb(bits[i], LOWS, HIGHS);
        }
        return argb;
    }
}
