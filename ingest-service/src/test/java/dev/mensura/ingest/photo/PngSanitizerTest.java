package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PngSanitizerTest {

    private final PhotoSanitizer sanitizer = new PhotoSanitizer(PhotoLimits.defaults());

    @ParameterizedTest(name = "Exif prefix in eXIf={0}")
    @ValueSource(booleans = {false, true})
    void stripsTextExifTimeAndUnknownChunksKeepsColourChunks(boolean exifPrefix) throws Exception {
        byte[] plain = TestImages.png(TestImages.rgbImage(90, 60, 2));
        MetadataFixture meta = MetadataFixture.standard();
        String zText = Canary.next("ztxt");
        String privateChunk = Canary.next("private");
        String lateText = Canary.next("late");
        byte[] gama = Pngs.chunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F});
        byte[] srgb = Pngs.chunk("sRGB", new byte[] {0});
        byte[] tiff = meta.tiff();
        byte[] exif = exifPrefix ? TestImages.concat(MetadataFixture.EXIF_HEADER, tiff) : tiff;
        byte[] uploaded = Pngs.insert(plain, Pngs.afterIhdr(plain),
                gama,
                Pngs.chunk("tEXt", latin1("Author\0" + meta.artist)),
                Pngs.chunk("zTXt", TestImages.concat(latin1("Comment\0\0"), deflate(zText))),
                // iTXt: keyword, compression flag 0, method 0, empty language tag and translated keyword
                Pngs.chunk("iTXt", TestImages.concat(utf8("XML:com.adobe.xmp\0\0\0\0\0"), meta.xmpPacket())),
                Pngs.chunk("eXIf", exif),
                Pngs.chunk("tIME", new byte[] {0x07, (byte) 0xE9, 6, 1, 12, 30, 0}),
                Pngs.chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}),
                srgb,
                Pngs.chunk("prVt", latin1(privateChunk)));
        uploaded = Pngs.insert(uploaded, Pngs.iendOffset(uploaded),
                Pngs.chunk("tEXt", latin1("Comment\0" + lateText)));
        assertThat(Pngs.chunkTypes(uploaded)).contains("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.format()).isEqualTo(ImageFormat.PNG);
        assertThat(photo.width()).isEqualTo(90);
        assertThat(photo.height()).isEqualTo(60);
        assertThat(photo.orientation()).isEqualTo(6);
        assertThat(photo.focalLength35mm()).isEqualTo(26);
        assertThat(Pngs.chunkTypes(photo.bytes()))
                .doesNotContain("tEXt", "zTXt", "iTXt", "eXIf", "tIME", "pHYs", "prVt")
                .contains("IHDR", "gAMA", "sRGB", "IDAT", "IEND");
        for (String canary : meta.canaries()) {
            assertThat(Canary.contains(photo.bytes(), canary)).as(canary).isFalse();
        }
        assertThat(Canary.contains(photo.bytes(), privateChunk)).isFalse();
        assertThat(Canary.contains(photo.bytes(), lateText)).isFalse();
        // whole chunks removed, nothing re-encoded
        assertThat(photo.bytes()).isEqualTo(Pngs.insert(plain, Pngs.afterIhdr(plain), gama, srgb));
        assertThat(TestImages.pixels(TestImages.decode(photo.bytes(), "png")))
                .isEqualTo(TestImages.pixels(TestImages.decode(uploaded, "png")))
                .isEqualTo(TestImages.pixels(TestImages.decode(plain, "png")));
    }

    @Test
    void keepsPaletteAndTransparency() {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (i * 16);
            g[i] = (byte) (255 - i * 16);
            b[i] = (byte) (i * 5);
        }
        IndexColorModel palette = new IndexColorModel(4, 16, r, g, b, 3); // index 3 transparent
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                image.getRaster().setSample(x, y, 0, (x * 3 + y) % 16);
            }
        }
        byte[] plain = TestImages.png(image);
        assertThat(Pngs.chunkTypes(plain)).contains("PLTE", "tRNS");
        String text = Canary.next("text");
        byte[] uploaded = Pngs.insert(plain, Pngs.afterIhdr(plain), Pngs.chunk("tEXt", latin1("Title\0" + text)));

        SanitizedPhoto photo = sanitizer.sanitize(uploaded);

        assertThat(photo.bytes()).isEqualTo(plain);
        assertThat(photo.orientation()).isEqualTo(1);
        assertThat(photo.focalLength35mm()).isNull();
        assertThat(TestImages.pixels(TestImages.decode(photo.bytes(), "png")))
                .isEqualTo(TestImages.pixels(TestImages.decode(uploaded, "png")));
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deflate(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(latin1(s));
        }
        return out.toByteArray();
    }
}
