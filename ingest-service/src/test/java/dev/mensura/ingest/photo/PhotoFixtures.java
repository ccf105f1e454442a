package dev.mensura.ingest.photo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;

/** Photos for the service-level tests, built from the same fixtures the sanitizer's unit tests use. */
public final class PhotoFixtures {
    private PhotoFixtures() {
    }

    /** Bytes plus the canaries planted in its metadata (which must never be stored). */
    public record Fixture(byte[] bytes, List<String> metadataCanaries, int orientation, Integer focal35) {
    }

    /** A camera-like JPEG: EXIF with GPS, maker note, thumbnail, orientation 6, 26 mm; XMP, IPTC, comment. */
    public static Fixture cameraJpeg(int width, int height, long seed) {
        byte[] plain = TestImages.jpeg(TestImages.rgbImage(width, height, seed), false);
        MetadataFixture meta = MetadataFixture.standard();
        byte[] bytes = Jpegs.insert(plain, Jpegs.afterApp0(plain), meta.jpegSegments());
        return new Fixture(bytes, meta.canaries(), meta.orientation, meta.focal35);
    }

    /** A camera-like JPEG (full metadata) of at least {@code minBytes}, for the benchmark. */
    public static Fixture cameraJpegOfAtLeast(int minBytes) {
        int width = 1600;
        while (true) {
            Fixture f = cameraJpeg(width, width * 3 / 4, 42);
            if (f.bytes().length >= minBytes) {
                return f;
            }
            width += 200;
        }
    }

    /** A 1x1 lossy WebP (Google's sample) wrapped in VP8X with EXIF (orientation 6, 26 mm, GPS) and XMP. */
    public static Fixture cameraWebp() {
        MetadataFixture meta = MetadataFixture.standard();
        byte[] vp8 = Webps.chunks(Webps.LOSSY_1X1).stream().filter(c -> c.id().equals("VP8 ")).findFirst()
                .orElseThrow().payload();
        byte[] bytes = Webps.riff(Webps.vp8x(Webps.FLAG_EXIF | Webps.FLAG_XMP, 1, 1), Webps.chunk("VP8 ", vp8),
                Webps.chunk("EXIF", meta.tiff()), Webps.chunk("XMP ", meta.xmpPacket()));
        return new Fixture(bytes, meta.canaries(), meta.orientation, meta.focal35);
    }

    public static byte[] plainJpeg(int width, int height, long seed) {
        return TestImages.jpeg(TestImages.rgbImage(width, height, seed), false);
    }

    /**
     * A grey PNG whose IDAT is stored uncompressed, so {@code pixelCanary} appears verbatim in
     * the file as pixel values, plus a tEXt chunk carrying {@code textCanary}.
     */
    public static byte[] pngWithPixelCanary(byte[] pixelCanary, String textCanary) {
        int width = Math.max(64, pixelCanary.length);
        int height = 32;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0); // filter: none, so the bytes stay as they are
            byte[] row = new byte[width];
            for (int x = 0; x < width; x++) {
                row[x] = (byte) (x * 3 + y);
            }
            System.arraycopy(pixelCanary, 0, row, 0, pixelCanary.length);
            raw.writeBytes(row);
        }
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        writeInt(ihdr, width);
        writeInt(ihdr, height);
        ihdr.writeBytes(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(Pngs.chunk("IHDR", ihdr.toByteArray()));
        png.writeBytes(Pngs.chunk("tEXt", ("Author\0" + textCanary).getBytes(StandardCharsets.ISO_8859_1)));
        png.writeBytes(Pngs.chunk("IDAT", idat.toByteArray()));
        png.writeBytes(Pngs.chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    public static byte[] jpegClaiming(int width, int height) {
        return Jpegs.withFrameSize(plainJpeg(32, 24, 3), width, height);
    }

    public static byte[] pngClaiming(long width, long height) {
        return Pngs.withIhdrSize(TestImages.png(TestImages.rgbImage(16, 16, 4)), width, height);
    }

    public static byte[] jpegZipPolyglot() {
        return TestImages.concat(plainJpeg(32, 24, 5), TestImages.zip("payload.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    /** A PNG whose IDAT alone is larger than {@code bytes}. */
    public static byte[] pngWithHugeIdat(int bytes) {
        byte[] png = TestImages.png(TestImages.rgbImage(16, 16, 6));
        return Pngs.insert(png, Pngs.iendOffset(png), Pngs.chunk("IDAT", new byte[bytes]));
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.writeBytes(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }
}
