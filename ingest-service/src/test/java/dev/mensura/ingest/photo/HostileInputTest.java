package dev.mensura.ingest.photo;

import static dev.mensura.ingest.photo.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.ingest.photo.PhotoRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs an attacker or a broken client sends; each must get its own clean 4xx reason. */
class HostileInputTest {

    private final PhotoSanitizer sanitizer = new PhotoSanitizer(PhotoLimits.defaults());
    private final byte[] jpeg = TestImages.jpeg(TestImages.rgbImage(64, 48, 21), false);
    private final byte[] png = TestImages.png(TestImages.rgbImage(64, 48, 22));
    private final byte[] webp = Webps.riff(Webps.chunk("VP8L",
            Webps.vp8l(9, 7, WebpSanitizerTest.randomBits(63, 23), new int[] {0, 10, 20}, new int[] {100, 110, 120})));

    @Test
    void emptyOrMissingPhoto() {
        assertRejected(sanitizer, new byte[0], Reason.EMPTY);
        assertRejected(sanitizer, null, Reason.EMPTY);
    }

    @Nested
    class Size {

        @Test
        void pngWithAnIdatLargerThanTheLimitIsTooLarge() {
            int idatLength = (int) PhotoLimits.DEFAULT_MAX_BYTES; // the file is larger still
            byte[] huge = new byte[8 + 25 + 12 + idatLength + 12];
            System.arraycopy(png, 0, huge, 0, 8 + 25);
            Pngs.putInt(huge, 33, idatLength);
            huge[37] = 'I';
            huge[38] = 'D';
            huge[39] = 'A';
            huge[40] = 'T';
            assertThat(huge.length).isGreaterThan((int) PhotoLimits.DEFAULT_MAX_BYTES);

            assertRejected(sanitizer, huge, Reason.TOO_LARGE);
        }

        @Test
        void theByteLimitIsInclusive() {
            PhotoSanitizer exact = new PhotoSanitizer(new PhotoLimits(jpeg.length, 50_000_000, 12_000));
            assertThat(exact.sanitize(jpeg).width()).isEqualTo(64);

            PhotoSanitizer below = new PhotoSanitizer(new PhotoLimits(jpeg.length - 1, 50_000_000, 12_000));
            assertRejected(below, jpeg, Reason.TOO_LARGE);
        }
    }

    @Nested
    class Type {

        @Test
        void otherImageFormatsAreUnsupported() {
            var image = TestImages.rgbImage(16, 16, 24);
            assertRejected(sanitizer, TestImages.encode(image, "gif"), Reason.UNSUPPORTED_TYPE);
            assertRejected(sanitizer, TestImages.encode(image, "bmp"), Reason.UNSUPPORTED_TYPE);
            assertRejected(sanitizer, TestImages.encode(image, "tiff"), Reason.UNSUPPORTED_TYPE);
        }

        @Test
        void documentsAndTextAreUnsupported() {
            assertRejected(sanitizer, ascii("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), Reason.UNSUPPORTED_TYPE);
            // what a client might upload as "photo.jpg": the name and Content-Type are never trusted
            assertRejected(sanitizer, ascii("this is not a photo, whatever its name says\n"), Reason.UNSUPPORTED_TYPE);
            assertRejected(sanitizer, ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), Reason.UNSUPPORTED_TYPE);
            assertRejected(sanitizer, TestImages.zip("photo.jpg", jpeg), Reason.UNSUPPORTED_TYPE);
        }

        @Test
        void riffThatIsNotWebpIsUnsupported() {
            byte[] wave = webp.clone();
            System.arraycopy(ascii("WAVE"), 0, wave, 8, 4);
            assertRejected(sanitizer, wave, Reason.UNSUPPORTED_TYPE);
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5})
        void randomBytesAreUnsupported(long seed) {
            byte[] random = new byte[4096];
            new Random(seed).nextBytes(random);
            random[0] = 0x00; // no accepted signature starts with 0x00
            assertRejected(sanitizer, random, Reason.UNSUPPORTED_TYPE);
        }

        @Test
        void animatedWebpIsUnsupported() {
            byte[] bitstream = Webps.rawChunks(webp).get(0);
            assertRejected(sanitizer, Webps.riff(Webps.vp8x(Webps.FLAG_ANIMATION, 9, 7), bitstream),
                    Reason.UNSUPPORTED_TYPE);
            assertRejected(sanitizer, Webps.riff(Webps.vp8x(0, 9, 7), Webps.chunk("ANIM", new byte[6]), bitstream),
                    Reason.UNSUPPORTED_TYPE);
        }
    }

    @Nested
    class Truncation {

        @Test
        void truncatedJpegIsMalformed() {
            MetadataFixture meta = MetadataFixture.standard();
            byte[] withExif = Jpegs.insert(jpeg, Jpegs.afterApp0(jpeg), meta.jpegSegments());
            int exifAt = Jpegs.find(withExif, Jpegs.APP1);
            int[] cuts = {
                3, 4, 5,                    // inside the first segment header
                exifAt + 100,               // inside the EXIF segment
                Jpegs.find(withExif, 0xDA) + 5, // inside the scan header
                withExif.length * 2 / 3,    // inside the entropy-coded data
                withExif.length - 2,        // just before EOI
                withExif.length - 1,        // half an EOI
            };
            for (int cut : cuts) {
                assertThat(Rejections.reject(sanitizer, Arrays.copyOf(withExif, cut)).reason())
                        .as("cut at %d of %d", cut, withExif.length).isEqualTo(Reason.MALFORMED);
            }
        }

        @Test
        void jpegWithoutImageDataIsMalformed() {
            int sos = Jpegs.find(jpeg, 0xDA);
            byte[] headersOnly = TestImages.concat(Arrays.copyOf(jpeg, sos), new byte[] {(byte) 0xFF, (byte) 0xD9});
            assertRejected(sanitizer, headersOnly, Reason.MALFORMED);
            assertRejected(sanitizer, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, Reason.MALFORMED);
        }

        @Test
        void truncatedPngIsMalformed() {
            int iend = Pngs.iendOffset(png);
            assertRejected(sanitizer, Arrays.copyOf(png, iend), Reason.MALFORMED);          // no IEND
            assertRejected(sanitizer, Arrays.copyOf(png, png.length - 1), Reason.MALFORMED); // IEND cut
            assertRejected(sanitizer, Arrays.copyOf(png, png.length / 2), Reason.MALFORMED); // IDAT runs past the end
            assertRejected(sanitizer, Arrays.copyOf(png, 8), Reason.MALFORMED);              // signature only
        }

        @Test
        void truncatedWebpIsMalformed() {
            assertRejected(sanitizer, Arrays.copyOf(webp, webp.length - 1), Reason.MALFORMED);
            // RIFF size consistent with the file, but the chunk inside claims more than there is
            byte[] chunkTooLong = webp.clone();
            Bytes.putU32le(chunkTooLong, 16, Bytes.u32le(webp, 16) + 2);
            assertRejected(sanitizer, chunkTooLong, Reason.MALFORMED);
        }
    }

    @Nested
    class Polyglots {

        private final byte[] zip = TestImages.zip("evil.sh", ascii("echo " + Canary.next("zip")));

        @Test
        void jpegFollowedByZipIsTrailingData() {
            assertRejected(sanitizer, TestImages.concat(jpeg, zip), Reason.TRAILING_DATA);
            assertRejected(sanitizer, TestImages.concat(jpeg, new byte[] {0}), Reason.TRAILING_DATA);
        }

        @Test
        void pngFollowedByZipIsTrailingData() {
            assertRejected(sanitizer, TestImages.concat(png, zip), Reason.TRAILING_DATA);
        }

        @Test
        void bytesOutsideTheRiffContainerAreTrailingData() {
            assertRejected(sanitizer, TestImages.concat(webp, zip), Reason.TRAILING_DATA);
        }
    }

    @Nested
    class Dimensions {

        @Test
        void jpegHeaderClaimingHugeDimensions() {
            // 16-bit fields: 65,000 x 65,000 is the closest a JPEG gets to 100,000 x 100,000
            assertRejected(sanitizer, Jpegs.withFrameSize(jpeg, 65_000, 65_000), Reason.TOO_MANY_PIXELS);
            assertRejected(sanitizer, Jpegs.withFrameSize(jpeg, 12_001, 48), Reason.TOO_MANY_PIXELS);
            assertRejected(sanitizer, Jpegs.withFrameSize(jpeg, 48, 12_001), Reason.TOO_MANY_PIXELS);
        }

        @Test
        void pngHeaderClaimingHugeDimensions() {
            assertRejected(sanitizer, Pngs.withIhdrSize(png, 100_000, 100_000), Reason.TOO_MANY_PIXELS);
            // each side within 12,000 but 64 MP in total: the pixel limit catches it
            assertRejected(sanitizer, Pngs.withIhdrSize(png, 8_000, 8_000), Reason.TOO_MANY_PIXELS);
            assertRejected(sanitizer, Pngs.withIhdrSize(png, 12_001, 1), Reason.TOO_MANY_PIXELS);
        }

        @Test
        void webpHeaderClaimingHugeDimensions() {
            byte[] bomb = Webps.riff(Webps.chunk("VP8L",
                    Webps.vp8l(16_384, 16_384, new int[] {0}, new int[] {0, 0, 0}, new int[] {1, 1, 1})));
            assertRejected(sanitizer, bomb, Reason.TOO_MANY_PIXELS);
        }

        @Test
        void limitsAreInclusive() {
            PhotoSanitizer exact = new PhotoSanitizer(new PhotoLimits(1 << 20, 64 * 48, 64));
            assertThat(exact.sanitize(jpeg).width()).isEqualTo(64);
            assertThat(exact.sanitize(png).height()).isEqualTo(48);
            assertRejected(new PhotoSanitizer(new PhotoLimits(1 << 20, 64 * 48 - 1, 64)), jpeg, Reason.TOO_MANY_PIXELS);
            assertRejected(new PhotoSanitizer(new PhotoLimits(1 << 20, 64 * 48, 63)), png, Reason.TOO_MANY_PIXELS);
        }
    }

    @Nested
    class Structure {

        @Test
        void brokenJpegStructureIsMalformed() {
            int sof = Jpegs.find(jpeg, 0xC0);
            int sos = Jpegs.find(jpeg, 0xDA);
            // scan before the frame header
            byte[] noFrame = TestImages.concat(Arrays.copyOf(jpeg, sof),
                    Arrays.copyOfRange(jpeg, sof + 2 + Bytes.u16be(jpeg, sof + 2), jpeg.length));
            assertRejected(sanitizer, noFrame, Reason.MALFORMED);
            // two frame headers
            byte[] frame = Arrays.copyOfRange(jpeg, sof, sof + 2 + Bytes.u16be(jpeg, sof + 2));
            assertRejected(sanitizer, Jpegs.insert(jpeg, sos, frame), Reason.MALFORMED);
            // hierarchical coding (SOF5) and a reserved JPGn marker
            byte[] sof5 = jpeg.clone();
            sof5[sof + 1] = (byte) 0xC5;
            assertRejected(sanitizer, sof5, Reason.MALFORMED);
            assertRejected(sanitizer, Jpegs.insert(jpeg, 2, Jpegs.segment(0xF3, new byte[4])), Reason.MALFORMED);
            // segment length below 2, and stray bytes between segments
            assertRejected(sanitizer, Jpegs.insert(jpeg, 2, new byte[] {(byte) 0xFF, (byte) 0xE5, 0, 1}), Reason.MALFORMED);
            assertRejected(sanitizer, Jpegs.insert(jpeg, Jpegs.afterApp0(jpeg), new byte[] {0x42}), Reason.MALFORMED);
            // an APP segment running past the end of the file
            byte[] longSegment = Jpegs.insert(jpeg, 2, new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF});
            assertRejected(sanitizer, Arrays.copyOf(longSegment, 2 + 4 + 100), Reason.MALFORMED);
            // a frame without height (DNL) is not supported
            assertRejected(sanitizer, Jpegs.withFrameSize(jpeg, 64, 0), Reason.MALFORMED);
        }

        @Test
        void brokenPngStructureIsMalformed() {
            byte[] badCrc = png.clone();
            badCrc[Pngs.afterIhdr(png) + 10] ^= 0x01; // a byte inside the first IDAT
            assertRejected(sanitizer, badCrc, Reason.MALFORMED);

            int afterIhdr = Pngs.afterIhdr(png);
            byte[] ihdr = Arrays.copyOfRange(png, 8, afterIhdr);
            byte[] textFirst = TestImages.concat(Arrays.copyOf(png, 8), Pngs.chunk("tEXt", ascii("a\0b")), ihdr,
                    Arrays.copyOfRange(png, afterIhdr, png.length));
            assertRejected(sanitizer, textFirst, Reason.MALFORMED);
            assertRejected(sanitizer, Pngs.insert(png, afterIhdr, ihdr), Reason.MALFORMED);
            assertRejected(sanitizer, Pngs.insert(png, afterIhdr, Pngs.chunk("ABCD", new byte[3])), Reason.MALFORMED);
            assertRejected(sanitizer, Pngs.insert(png, afterIhdr, Pngs.chunk("bad!", new byte[3])), Reason.MALFORMED);

            int iend = Pngs.iendOffset(png);
            byte[] noData = TestImages.concat(Arrays.copyOf(png, afterIhdr), Arrays.copyOfRange(png, iend, png.length));
            assertRejected(sanitizer, noData, Reason.MALFORMED);

            byte[] hugeLength = png.clone();
            Pngs.putInt(hugeLength, afterIhdr, 0x7FFF_FFF0);
            assertRejected(sanitizer, hugeLength, Reason.MALFORMED);
        }

        @Test
        void brokenWebpStructureIsMalformed() {
            byte[] bitstream = Webps.rawChunks(webp).get(0);
            assertRejected(sanitizer, Webps.riff(Webps.vp8x(0, 10, 7), bitstream), Reason.MALFORMED);        // canvas differs
            assertRejected(sanitizer, Webps.riff(bitstream, Webps.vp8x(0, 9, 7)), Reason.MALFORMED);         // VP8X not first
            assertRejected(sanitizer, Webps.riff(Webps.vp8x(0, 9, 7)), Reason.MALFORMED);                    // no bitstream
            assertRejected(sanitizer, Webps.riff(bitstream, bitstream), Reason.MALFORMED);                    // two bitstreams
            assertRejected(sanitizer, Webps.riff(Webps.chunk("EXIF", new byte[8]), bitstream), Reason.MALFORMED);
            byte[] badSignature = webp.clone();
            badSignature[20] = 0x2E;
            assertRejected(sanitizer, badSignature, Reason.MALFORMED);
            byte[] interFrame = Webps.LOSSY_1X1.clone();
            interFrame[20] |= 0x01;
            assertRejected(sanitizer, interFrame, Reason.MALFORMED);
        }
    }

    @Test
    void hostileExifNeitherRefusesNorExhaustsMemory() {
        byte[] uploaded = Jpegs.insert(jpeg, 2,
                Jpegs.segment(Jpegs.APP1, MetadataFixture.EXIF_HEADER, ExifFieldsTest.amplifyingTiff(5_000, 60_000)));

        sanitizer.sanitize(jpeg); // warm up the decoder classes so the measurement below is about EXIF
        long before = ExifFieldsTest.allocatedBytes();
        SanitizedPhoto photo = sanitizer.sanitize(uploaded);
        long allocated = ExifFieldsTest.allocatedBytes() - before;

        assertThat(allocated).as("bytes allocated for a 60 KB EXIF block").isLessThan(16L << 20);
        assertThat(photo.orientation()).isEqualTo(1);
        assertThat(photo.focalLength35mm()).isNull();
        assertThat(photo.bytes()).isEqualTo(jpeg);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
