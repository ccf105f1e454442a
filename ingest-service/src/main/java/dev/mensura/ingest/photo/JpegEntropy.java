package dev.mensura.ingest.photo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where a JPEG scan's entropy-coded data ends, i.e. the next real marker.
 *
 * <p>Entropy-coded data makes up almost the whole file and has no length field: the only way to
 * find the next marker (another scan, or EOI) is to look at every byte. Inside the data a 0xFF
 * byte is always followed by 0x00 (byte stuffing) or by a restart marker RST0..RST7; any other
 * follower starts a marker. This walk is what turns "find EOI" into a guarantee, so it must not be
 * skipped, and it is the hot loop of the whole sanitizer.
 *
 * <p>It reads eight bytes at a time and tests them for a 0xFF with the classic SWAR "has zero
 * byte" trick applied to the complemented word; since 0xFF is rare in compressed data (about one
 * byte in 256, plus its stuffing), nearly every word is skipped with a load, three ALU operations
 * and a branch. That keeps the scan well above memory-copy speed on a 4 MB photo.
 */
final class JpegEntropy {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private JpegEntropy() {
    }

    /**
     * Index of the 0xFF that starts the first marker at or after {@code from}, or -1 when the data
     * runs to {@code end} without one (a truncated file). Fill bytes (0xFF 0xFF ...) before a
     * marker stay in the entropy data; the returned index is the last 0xFF before the marker code.
     */
    static int nextMarker(byte[] data, int from, int end) {
        int i = from;
        while (i < end - 1) {
            // Skip whole words without a 0xFF byte. For x = ~word, a byte of x is zero exactly where
            // the word had 0xFF; (x - ONES) & ~x & HIGHS is non-zero iff x has a zero byte, and its
            // lowest set bit marks the first such byte (little-endian: the lowest address).
            while (i + 8 <= end) {
                long x = ~(long) LONGS.get(data, i);
                long hits = (x - ONES) & ~x & HIGHS;
                if (hits != 0) {
                    i += Long.numberOfTrailingZeros(hits) >>> 3;
                    break;
                }
                i += 8;
            }
            if (i >= end - 1) {
                break;
            }
            if (data[i] != (byte) 0xFF) {
                i++;
                continue;
            }
            int next = data[i + 1] & 0xFF;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                i += 2; // stuffed 0xFF or restart marker: still entropy-coded data
            } else if (next == 0xFF) {
                i++; // fill byte; the marker code comes after the last 0xFF
            } else {
                return i;
            }
        }
        return -1;
    }
}
