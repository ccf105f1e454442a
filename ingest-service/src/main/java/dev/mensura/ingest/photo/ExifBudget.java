package dev.mensura.ingest.photo;

import com.twelvemonkeys.imageio.metadata.tiff.TIFF;

/**
 * Decides whether an EXIF block is safe to hand to TwelveMonkeys' {@code TIFFReader}.
 *
 * <p>{@code TIFFReader} materialises every value of every IFD it visits (IFD0 chain, EXIF, GPS,
 * Interop, SubIFDs) as Java arrays and objects. It checks each value against the block length,
 * but not the sum: a hostile block can make thousands of entries point at the same large range,
 * so a 64 KB JPEG APP1 can cost hundreds of megabytes and a multi-megabyte PNG eXIf or WebP EXIF
 * chunk can exhaust any heap. Real EXIF never overlaps its values, so the bytes its values cover
 * add up to less than the block itself.
 *
 * <p>This is a read-only pass over the same IFD graph with no allocation per entry. It over-
 * approximates what {@code TIFFReader} will visit (it follows every link and pointer it could)
 * and stops at fixed budgets; a block over budget is not parsed at all and the photo keeps the
 * defaults (orientation 1, no focal length). The block is stripped either way.
 */
final class ExifBudget {

    /** No camera writes more than 64 KB of EXIF (JPEG caps APP1 there); 1 MiB leaves headroom. */
    static final int MAX_BLOCK = 1 << 20;
    /** Out-of-line value bytes over all visited entries; TIFFReader allocates roughly 1-4x this. */
    static final long MAX_VALUE_BYTES = 1 << 20;
    /** Entries over all IFDs; real EXIF has well under 500. */
    static final int MAX_ENTRIES = 8_192;
    /** IFDs visited; real EXIF has up to about six (IFD0, EXIF, GPS, Interop, IFD1, a SubIFD). */
    static final int MAX_IFDS = 32;

    private static final int TAG_SUB_IFD = TIFF.TAG_SUB_IFD;
    private static final int TAG_EXIF_IFD = TIFF.TAG_EXIF_IFD;
    private static final int TAG_GPS_IFD = TIFF.TAG_GPS_IFD;
    private static final int TAG_INTEROP_IFD = TIFF.TAG_INTEROP_IFD;

    private final byte[] data;
    private final int base;
    private final int length;
    private final boolean little;
    private final long[] pending = new long[MAX_IFDS + 1];
    private final long[] visited = new long[MAX_IFDS];
    private int pendingCount;
    private int visitedCount;
    private long valueBytes;
    private int entries;

    private ExifBudget(byte[] data, int base, int length, boolean little) {
        this.data = data;
        this.base = base;
        this.length = length;
        this.little = little;
    }

    /** Whether the classic-TIFF block at {@code data[base, base + length)} is within the budgets. */
    static boolean allows(byte[] data, int base, int length) {
        if (length < 8 || length > MAX_BLOCK) {
            return false;
        }
        boolean little;
        if (data[base] == 'I' && data[base + 1] == 'I') {
            little = true;
        } else if (data[base] == 'M' && data[base + 1] == 'M') {
            little = false;
        } else {
            return false;
        }
        ExifBudget budget = new ExifBudget(data, base, length, little);
        if (budget.u16(2) != 42) {
            return false; // BigTIFF or garbage: EXIF is always classic TIFF
        }
        return budget.walk(budget.u32(4));
    }

    private boolean walk(long firstIfd) {
        push(firstIfd);
        while (pendingCount > 0) {
            long ifd = pending[--pendingCount];
            if (ifd < 0 || ifd + 2 > length || seen(ifd)) {
                continue; // TIFFReader skips these too
            }
            if (visitedCount == MAX_IFDS) {
                return false;
            }
            visited[visitedCount++] = ifd;
            int at = (int) ifd;
            int count = u16(at);
            entries += count;
            if (entries > MAX_ENTRIES) {
                return false;
            }
            at += 2;
            for (int i = 0; i < count && at + 12 <= length; i++, at += 12) {
                if (!entry(at)) {
                    return false;
                }
            }
            if (at + 4 <= length) {
                long next = u32(at); // next IFD in the chain (IFD1 holds the thumbnail); 0 ends it
                if (next != 0 && !push(next)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean entry(int at) {
        int tag = u16(at);
        int type = u16(at + 2);
        long count = u32(at + 4);
        if (type < 1 || type >= TIFF.TYPE_LENGTHS.length || TIFF.TYPE_LENGTHS[type] <= 0) {
            return true; // TIFFReader skips entries of unknown type
        }
        int element = TIFF.TYPE_LENGTHS[type];
        long size = element * count;
        long offset = u32(at + 8);
        boolean outOfLine = size > 4;
        if (outOfLine && offset + size <= length) {
            valueBytes += size;
            if (valueBytes > MAX_VALUE_BYTES) {
                return false;
            }
        }
        if (tag == TAG_EXIF_IFD || tag == TAG_GPS_IFD || tag == TAG_INTEROP_IFD || tag == TAG_SUB_IFD) {
            // Follow every value that TIFFReader could take for an IFD offset, whatever its type.
            if (!outOfLine) {
                if (count > 0 && !push(unsigned(at + 8, element))) {
                    return false;
                }
            } else if (offset + size <= length) {
                for (long i = 0; i < count; i++) {
                    if (!push(unsigned((int) (offset + element * i), element))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private long unsigned(int at, int size) {
        return switch (size) {
            case 1 -> Bytes.u8(data, base + at);
            case 2 -> u16(at);
            case 4 -> u32(at);
            default -> {
                long high = u32(little ? at + 4 : at);
                long low = u32(little ? at : at + 4);
                yield high != 0 ? Long.MAX_VALUE : low;
            }
        };
    }

    private boolean push(long ifd) {
        if (pendingCount == pending.length) {
            return false;
        }
        pending[pendingCount++] = ifd;
        return true;
    }

    private boolean seen(long ifd) {
        for (int i = 0; i < visitedCount; i++) {
            if (visited[i] == ifd) {
                return true;
            }
        }
        return false;
    }

    private int u16(int at) {
        return little ? Bytes.u16le(data, base + at) : Bytes.u16be(data, base + at);
    }

    private long u32(int at) {
        return little ? Bytes.u32le(data, base + at) : Bytes.u32be(data, base + at);
    }
}
