package dev.mensura.ingest.photo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splices PNG chunks for tests. */
final class Pngs {

    private Pngs() {
    }

    /** One chunk: length, type, data, CRC over type and data. */
    static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, data.length);
        byte[] typeAndData = TestImages.concat(type.getBytes(StandardCharsets.US_ASCII), data);
        out.writeBytes(typeAndData);
        writeInt(out, TestImages.crc(typeAndData, 0, typeAndData.length));
        return out.toByteArray();
    }

    /** Offset just after the IHDR chunk. */
    static int afterIhdr(byte[] png) {
        return 8 + 12 + (int) Bytes.u32be(png, 8);
    }

    /** Offset of the IEND chunk. */
    static int iendOffset(byte[] png) {
        int pos = 8;
        while (pos < png.length) {
            if (type(png, pos).equals("IEND")) {
                return pos;
            }
            pos += 12 + (int) Bytes.u32be(png, pos);
        }
        throw new IllegalArgumentException("no IEND");
    }

    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int pos = 8;
        while (pos + 12 <= png.length) {
            types.add(type(png, pos));
            pos += 12 + (int) Bytes.u32be(png, pos);
        }
        return types;
    }

    static String type(byte[] png, int chunkOffset) {
        return new String(png, chunkOffset + 4, 4, StandardCharsets.US_ASCII);
    }

    static byte[] insert(byte[] png, int at, byte[]... chunks) {
        return Jpegs.insert(png, at, chunks);
    }

    /** A copy whose IHDR claims other dimensions, with a correct CRC (so only the claim is wrong). */
    static byte[] withIhdrSize(byte[] png, long width, long height) {
        byte[] copy = png.clone();
        putInt(copy, 16, (int) width);
        putInt(copy, 20, (int) height);
        putInt(copy, 29, TestImages.crc(copy, 12, 17));
        return copy;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
