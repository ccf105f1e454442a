package dev.mensura.ingest.photo;

import static dev.mensura.ingest.photo.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.ingest.photo.PhotoRejectedException.Reason;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegSanitizerTest {

    private static final int SOF2 = 0xC2;

    private final PhotoSanitizer sanitizer = new PhotoSanitizer(PhotoLimits.defaults());

    @ParameterizedTest(name = "progressive={0}")
    @ValueSource(booleans = {false, true})
    void stripsExifXmpIptcAndCommentWithoutReencoding(boolean progressive) {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(120, 80, 1), progressive);
        assertThat(Jpegs.headerMarkers(plain).contains(SOF2)).isEqualTo(progressive);
        MetadataFixture meta = MetadataFixture.standard();
        byte[] uploaded = Jpegs.insert(plain, Jpegs.afterApp0(plain), meta.jpegSegments());
        assertThat(meta.canaries()).allSatisfy(c -> assertThat(Canary.contains(uploaded, c)).as(c).isTrue());

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(photo.width()).isEqualTo(120);
        assertThat(photo.height()).isEqualTo(80);
        assertThat(photo.orientation()).isEqualTo(6);
        assertThat(photo.focalLength35mm()).isEqualTo(26);
        assertNoMetadata(photo.bytes(), meta);
        // Exactly the encoder's bytes again: only whole segments were removed, nothing re-encoded.
        assertThat(photo.bytes()).isEqualTo(plain);
        assertThat(TestImages.pixels(TestImages.decode(photo.bytes(), "jpeg")))
                .isEqualTo(TestImages.pixels(TestImages.decode(uploaded, "jpeg")));
    }

    @Test
    void keepsIccProfileAndDropsEveryOtherApplicationSegment() {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(64, 40, 2), false);
        MetadataFixture meta = MetadataFixture.standard();
        String mpf = Canary.next("mpf");
        String jumbf = Canary.next("jumbf");
        String ducky = Canary.next("ducky");
        String app15 = Canary.next("app15");
        String jfxx = Canary.next("jfxx");
        String flashpix = Canary.next("fpxr");
        byte[] icc = MetadataFixture.iccSegment();
        byte[][] others = {
            Jpegs.segment(Jpegs.APP2, Canary.bytes("MPF\0II*\0" + mpf)),
            Jpegs.segment(Jpegs.APP2, Canary.bytes("FPXR\0" + flashpix)),
            Jpegs.segment(Jpegs.APP11, Canary.bytes("JP\0\1" + jumbf)),
            Jpegs.segment(Jpegs.APP12, Canary.bytes("Ducky" + ducky)),
            Jpegs.segment(Jpegs.APP15, Canary.bytes(app15)),
            Jpegs.segment(Jpegs.APP0, Canary.bytes("JFXX\0\u0010" + jfxx)),
            Jpegs.segment(Jpegs.APP14, Canary.bytes("NotAdobe" + Canary.next("app14"))),
        };
        byte[] uploaded = Jpegs.insert(plain, Jpegs.afterApp0(plain),
                TestImages.concat(TestImages.concat(others), icc, TestImages.concat(meta.jpegSegments())));

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.bytes()).isEqualTo(Jpegs.insert(plain, Jpegs.afterApp0(plain), icc));
        for (String canary : new String[] {mpf, jumbf, ducky, app15, jfxx, flashpix}) {
            assertThat(Canary.contains(photo.bytes(), canary)).as(canary).isFalse();
        }
        assertNoMetadata(photo.bytes(), meta);
        assertThat(Canary.contains(photo.bytes(), MetadataFixture.iccProfile())).isTrue();
    }

    @Test
    void cutsTheThumbnailOutOfTheJfifHeader() {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(32, 32, 3), false);
        int app0 = Jpegs.find(plain, Jpegs.APP0);
        assertThat(app0).isEqualTo(2);
        int app0Length = Bytes.u16be(plain, app0 + 2);
        byte[] header = Arrays.copyOfRange(plain, app0 + 4, app0 + 4 + 14);
        String thumbnail = Canary.next("jfifthumb").substring(0, 24); // 8 x 1 RGB pixels
        header[12] = 8;
        header[13] = 1;
        byte[] withThumbnail = Jpegs.segment(Jpegs.APP0, header, Canary.bytes(thumbnail));
        byte[] uploaded = TestImages.concat(Arrays.copyOfRange(plain, 0, 2), withThumbnail,
                Arrays.copyOfRange(plain, 2 + 2 + app0Length, plain.length));

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(Canary.contains(photo.bytes(), thumbnail)).isFalse();
        assertThat(photo.bytes()).isEqualTo(plain);
    }

    @Test
    void cmykJpegKeepsItsAdobeSegmentAndDecodesTheSame() throws Exception {
        byte[] plain = TestImages.cmykJpeg(48, 40, 4);
        assertThat(Jpegs.find(plain, Jpegs.APP14)).as("writer adds Adobe APP14").isPositive();
        MetadataFixture meta = MetadataFixture.standard();
        byte[] uploaded = Jpegs.insert(plain, Jpegs.afterApp0(plain), meta.jpegSegments());

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.bytes()).isEqualTo(plain);
        assertNoMetadata(photo.bytes(), meta);
        assertThat(photo.orientation()).isEqualTo(6);
        assertThat(photo.focalLength35mm()).isEqualTo(26);
        ImageReader reader = TestImages.reader("jpeg", "com.twelvemonkeys");
        try (var in = new com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream(photo.bytes())) {
            reader.setInput(in);
            assertThat(reader.getRawImageType(0).getColorModel().getColorSpace().getType())
                    .isEqualTo(ColorSpace.TYPE_CMYK);
            assertThat(TestImages.samples(reader.readRaster(0, null)))
                    .isEqualTo(TestImages.samples(rawRaster(uploaded)));
        } finally {
            reader.dispose();
        }
        assertThat(TestImages.pixels(TestImages.decode(photo.bytes(), "jpeg")))
                .isEqualTo(TestImages.pixels(TestImages.decode(uploaded, "jpeg")));
    }

    @Test
    void readsBigEndianExifAndDefaultsWhenValuesAreMissing() {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(40, 30, 5), false);
        MetadataFixture motorola = new MetadataFixture(3, null, ByteOrder.BIG_ENDIAN);
        SanitizedPhoto photo = sanitizer.sanitize(Jpegs.insert(plain, 2, motorola.jpegSegments()));
        assertThat(photo.orientation()).isEqualTo(3);
        assertThat(photo.focalLength35mm()).isNull();

        MetadataFixture none = new MetadataFixture(0, null, ByteOrder.LITTLE_ENDIAN);
        SanitizedPhoto upright = sanitizer.sanitize(Jpegs.insert(plain, 2, none.jpegSegments()));
        assertThat(upright.orientation()).isEqualTo(1);

        SanitizedPhoto bare = sanitizer.sanitize(plain);
        assertThat(bare.orientation()).isEqualTo(1);
        assertThat(bare.focalLength35mm()).isNull();
        assertThat(bare.bytes()).isEqualTo(plain).isNotSameAs(plain);
    }

    @Test
    void dropsMpfSecondaryImagesAfterThePrimary() {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(64, 48, 6), false);
        String gainMap = Canary.next("gainmap");
        byte[] primary = Jpegs.insert(plain, Jpegs.afterApp0(plain),
                Jpegs.segment(Jpegs.APP2, Canary.bytes("MPF\0MM\0*\0\0\0\u0008")));
        byte[] secondary = Jpegs.insert(TestImages.jpeg(TestImages.rgbImage(32, 24, 7), false), 2,
                Jpegs.segment(Jpegs.APP1, Canary.bytes(MetadataFixture.XMP_NAMESPACE + "\0" + gainMap)));

        SanitizedPhoto photo = sanitizer.sanitize(TestImages.concat(primary, secondary, secondary));

        assertThat(photo.bytes()).isEqualTo(plain);
        assertThat(Canary.contains(photo.bytes(), gainMap)).isFalse();
        assertThat(photo.width()).isEqualTo(64);
    }

    @Test
    void refusesDataAfterMpfImagesThatIsNotAJpeg() {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(64, 48, 8), false);
        byte[] primary = Jpegs.insert(plain, 2, Jpegs.segment(Jpegs.APP2, Canary.bytes("MPF\0")));
        byte[] secondary = TestImages.jpeg(TestImages.rgbImage(8, 8, 9), false);
        byte[] zip = TestImages.zip("payload.txt", Canary.bytes(Canary.next("zip")));

        assertRejected(sanitizer, TestImages.concat(primary, secondary, zip), Reason.TRAILING_DATA);
        assertRejected(sanitizer, TestImages.concat(primary, zip), Reason.TRAILING_DATA);
        // a truncated secondary image is not a complete JPEG either
        assertRejected(sanitizer, TestImages.concat(primary, Arrays.copyOf(secondary, secondary.length - 2)),
                Reason.TRAILING_DATA);
        // without MPF a second image is just trailing data
        assertRejected(sanitizer, TestImages.concat(plain, secondary), Reason.TRAILING_DATA);
    }

    @Test
    void restartMarkersInsideTheScanDoNotEndIt() {
        BufferedImage image = TestImages.rgbImage(64, 64, 10);
        byte[] plain = TestImages.jpegWithRestarts(image, 1);
        assertThat(Jpegs.headerMarkers(plain)).contains(0xDD); // DRI
        assertThat(Canary.contains(plain, new byte[] {(byte) 0xFF, (byte) 0xD3})).as("RST3 in the scan").isTrue();

        SanitizedPhoto photo = sanitizer.sanitize(plain);

        assertThat(photo.bytes()).isEqualTo(plain);
    }

    @Test
    void acceptsFillBytesBeforeAMarker() {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(64, 64, 11), false);
        byte[] filled = TestImages.concat(Arrays.copyOf(plain, plain.length - 2),
                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xD9});

        SanitizedPhoto photo = sanitizer.sanitize(filled);

        assertThat(TestImages.pixels(TestImages.decode(photo.bytes(), "jpeg")))
                .isEqualTo(TestImages.pixels(TestImages.decode(plain, "jpeg")));
    }

    private static java.awt.image.Raster rawRaster(byte[] jpeg) throws Exception {
        ImageReader reader = TestImages.reader("jpeg", "com.twelvemonkeys");
        try (var in = new com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream(jpeg)) {
            reader.setInput(in);
            return reader.readRaster(0, null);
        } finally {
            reader.dispose();
        }
    }

    static void assertNoMetadata(byte[] bytes, MetadataFixture meta) {
        for (String canary : meta.canaries()) {
            assertThat(Canary.contains(bytes, canary)).as(canary).isFalse();
        }
        assertThat(Canary.contains(bytes, MetadataFixture.EXIF_HEADER)).as("Exif header").isFalse();
        assertThat(Canary.contains(bytes, MetadataFixture.XMP_NAMESPACE)).as("XMP namespace").isFalse();
        assertThat(Canary.contains(bytes, MetadataFixture.PHOTOSHOP)).as("Photoshop resources").isFalse();
        assertThat(Jpegs.headerMarkers(bytes)).doesNotContain(Jpegs.APP1, Jpegs.APP13, Jpegs.COM);
    }
}
