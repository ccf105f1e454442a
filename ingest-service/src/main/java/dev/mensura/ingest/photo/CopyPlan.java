package dev.mensura.ingest.photo;

import java.util.Arrays;

/**
 * The stripped file, described as the pieces to copy: ranges of the upload that are kept, and a
 * few small literal pieces where a header has to change (a WebP RIFF size, VP8X flags, a JFIF
 * header without its thumbnail).
 *
 * <p>The walkers only record offsets while they check the structure; the bytes are copied once
 * at the end into an array allocated at its exact final size. Adjacent kept ranges are merged,
 * so a JPEG whose metadata sits at the front costs a handful of {@code System.arraycopy} calls
 * however many segments it has. That keeps stripping close to the speed of a plain copy and
 * leaves exactly one new copy of the photo in memory, which the caller zeroes later (I2).
 */
final class CopyPlan {

    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    /** Non-null where a piece is a literal instead of a range of the source. */
    private byte[][] literals = new byte[16][];
    private int count;
    private long total;

    /** Keeps {@code source[offset, offset + length)}. */
    void keep(int offset, int length) {
        if (length <= 0) {
            return;
        }
        int last = count - 1;
        if (last >= 0 && literals[last] == null && offsets[last] + lengths[last] == offset) {
            lengths[last] += length;
        } else {
            grow();
            offsets[count] = offset;
            lengths[count] = length;
            literals[count] = null;
            count++;
        }
        total += length;
    }

    /**
     * Appends bytes that are not in the source. The array is copied when {@link #copyFrom} runs,
     * so a caller may still fill it in after adding it (the WebP RIFF size is only known at the end).
     */
    void insert(byte[] literal) {
        if (literal.length == 0) {
            return;
        }
        grow();
        offsets[count] = -1;
        lengths[count] = literal.length;
        literals[count] = literal;
        count++;
        total += literal.length;
    }

    /** Length of the stripped file. */
    long length() {
        return total;
    }

    /** Builds the stripped file from {@code source}, in one pass into a pre-sized array. */
    byte[] copyFrom(byte[] source) {
        byte[] out = new byte[Math.toIntExact(total)];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (literals[i] != null) {
                System.arraycopy(literals[i], 0, out, at, lengths[i]);
            } else {
                System.arraycopy(source, offsets[i], out, at, lengths[i]);
            }
            at += lengths[i];
        }
        return out;
    }

    private void grow() {
        if (count == offsets.length) {
            int size = count * 2;
            offsets = Arrays.copyOf(offsets, size);
            lengths = Arrays.copyOf(lengths, size);
            literals = Arrays.copyOf(literals, size);
        }
    }
}
