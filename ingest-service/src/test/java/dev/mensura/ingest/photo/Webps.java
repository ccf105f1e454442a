package dev.mensura.ingest.photo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Builds WebP (RIFF) files for tests, and encodes tiny lossless images. */
final class Webps {

    static final int FLAG_ICC = 0x20;
    static final int FLAG_ALPHA = 0x10;
    static final int FLAG_EXIF = 0x08;
    static final int FLAG_XMP = 0x04;
    static final int FLAG_ANIMATION = 0x02;

    /**
     * 1x1 lossy WebP with alpha (VP8X + ALPH + VP8), the well-known feature-detection sample
     * published by Google and used by Modernizr.
     */
    static final byte[] LOSSY_ALPHA_1X1 = Base64.getDecoder().decode(
            "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");

    /** 1x1 simple lossy WebP (a single VP8 chunk), same source. */
    static final byte[] LOSSY_1X1 = Base64.getDecoder().decode(
            "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    private Webps() {
    }

    /** One chunk: FourCC, little-endian size, payload, pad byte when the size is odd. */
    static byte[] chunk(String fourCc, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        writeIntLe(out, payload.length);
        out.writeBytes(payload);
        if ((payload.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    static byte[] vp8x(int flags, int canvasWidth, int canvasHeight) {
        byte[] p = new byte[10];
        p[0] = (byte) flags;
        put24(p, 4, canvasWidth - 1);
        put24(p, 7, canvasHeight - 1);
        return chunk("VP8X", p);
    }

    /** RIFF header with the right size around the given chunks. */
    static byte[] riff(byte[]... chunks) {
        byte[] body = TestImages.concat(chunks);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeIntLe(out, body.length + 4);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The chunks of a WebP file as (FourCC, payload) pairs, payload without padding. */
    static List<Chunk> chunks(byte[] webp) {
        List<Chunk> chunks = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= webp.length) {
            String id = new String(webp, pos, 4, StandardCharsets.US_ASCII);
            int size = (int) Bytes.u32le(webp, pos + 4);
            byte[] payload = java.util.Arrays.copyOfRange(webp, pos + 8, pos + 8 + size);
            chunks.add(new Chunk(id, payload));
            pos += 8 + size + (size & 1);
        }
        return chunks;
    }

    record Chunk(String id, byte[] payload) {
    }

    /** Splits a simple or VP8X file into its chunks' raw bytes (header, payload, padding). */
    static List<byte[]> rawChunks(byte[] webp) {
        List<byte[]> chunks = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= webp.length) {
            int size = (int) Bytes.u32le(webp, pos + 4);
            int end = pos + 8 + size + (size & 1);
            chunks.add(java.util.Arrays.copyOfRange(webp, pos, end));
            pos = end;
        }
        return chunks;
    }

    /**
     * A minimal VP8L (lossless) bitstream for an opaque image whose red, green and blue channels
     * each take one of two values. Every channel then needs only a two-symbol "simple" prefix code
     * (one bit per pixel and channel), alpha and distance a one-symbol code (zero bits), and no
     * transforms, colour cache or meta prefix codes. Small, but a real bitstream that decoders must
     * decode pixel by pixel.
     *
     * @param bits for each pixel in raster order, bit 0 picks red, bit 1 green, bit 2 blue
     * @param lows the three low values (r, g, b), each lower than the matching high value
     */
    static byte[] vp8l(int width, int height, int[] bits, int[] lows, int[] highs) {
        BitWriter w = new BitWriter();
        w.write(0x2F, 8);               // signature
        w.write(width - 1, 14);
        w.write(height - 1, 14);
        w.write(0, 1);                  // alpha_is_used
        w.write(0, 3);                  // version
        w.write(0, 1);                  // no transform
        w.write(0, 1);                  // no colour cache
        w.write(0, 1);                  // no meta prefix codes: one group of five codes
        simpleCode(w, lows[1], highs[1]);   // green (+ length prefixes + cache)
        simpleCode(w, lows[0], highs[0]);   // red
        simpleCode(w, lows[2], highs[2]);   // blue
        simpleCode(w, 255);                 // alpha
        simpleCode(w, 0);                   // distance
        for (int b : bits) {
            // canonical prefix codes: with two 1-bit codes, the smaller symbol gets code 0
            w.write((b >> 1) & 1, 1);  // green
            w.write(b & 1, 1);         // red
            w.write((b >> 2) & 1, 1);  // blue
        }
        return w.toByteArray();
    }

    /** Expected ARGB of pixel {@code bit} in an image from {@link #vp8l}. */
    static int argb(int b, int[] lows, int[] highs) {
        int r = (b & 1) == 0 ? lows[0] : highs[0];
        int g = (b & 2) == 0 ? lows[1] : highs[1];
        int bl = (b & 4) == 0 ? lows[2] : highs[2];
        return 0xFF00_0000 | r << 16 | g << 8 | bl;
    }

    private static void simpleCode(BitWriter w, int... symbols) {
        w.write(1, 1);                      // simple code
        w.write(symbols.length - 1, 1);     // number of symbols - 1
        if (symbols[0] < 2) {
            w.write(0, 1);                  // first symbol in 1 bit
            w.write(symbols[0], 1);
        } else {
            w.write(1, 1);                  // first symbol in 8 bits
            w.write(symbols[0], 8);
        }
        if (symbols.length == 2) {
            w.write(symbols[1], 8);
        }
    }

    /** VP8L packs bits least-significant first. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int value, int bits) {
            buffer |= ((long) value & ((1L << bits) - 1)) << count;
            count += bits;
            while (count >= 8) {
                out.write((int) buffer);
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] toByteArray() {
            if (count > 0) {
                out.write((int) buffer);
                buffer = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }

    private static void put24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
