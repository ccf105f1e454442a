package dev.mensura.ingest.photo;

/**
 * Fixed-width integer reads from a byte array. Callers check bounds against the container's own
 * length fields before reading, so these helpers stay branch-free; an out-of-range index here is a
 * bug in a walker, not a property of the upload.
 */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    static int u24le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }

    static int i32be(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    static long u32be(byte[] b, int i) {
        return i32be(b, i) & 0xFFFF_FFFFL;
    }

    static long u32le(byte[] b, int i) {
        return ((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24)
                & 0xFFFF_FFFFL;
    }

    static void putU32le(byte[] b, int i, long value) {
        b[i] = (byte) value;
        b[i + 1] = (byte) (value >>> 8);
        b[i + 2] = (byte) (value >>> 16);
        b[i + 3] = (byte) (value >>> 24);
    }

    /** Whether {@code b[offset..]} starts with {@code prefix}; false when {@code b} is too short. */
    static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (offset < 0 || b.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #startsWith(byte[], int, byte[])} but also requires the prefix to end before {@code limit}. */
    static boolean startsWith(byte[] b, int offset, int limit, byte[] prefix) {
        return limit - offset >= prefix.length && startsWith(b, offset, prefix);
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
