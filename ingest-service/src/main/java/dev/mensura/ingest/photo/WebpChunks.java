package dev.mensura.ingest.photo;

import static dev.mensura.ingest.photo.PhotoRejectedException.malformed;
import static dev.mensura.ingest.photo.PhotoRejectedException.trailingData;

/**
 * Walks a WebP (RIFF) file chunk by chunk, checks its structure, and plans a copy without the
 * EXIF and XMP chunks, with the VP8X flags and the RIFF size fixed to match (I3).
 *
 * <p>Checked: the RIFF size against the file (larger: truncated, MALFORMED; smaller: bytes outside
 * the container, TRAILING_DATA), every chunk against the RIFF size, exactly one VP8 or VP8L
 * bitstream, a key frame, VP8X first when present and its canvas equal to the bitstream size.
 *
 * <p>Kept: VP8X, ICCP (colour), ALPH (transparency for lossy images) and the VP8/VP8L bitstream.
 * Dropped: EXIF, XMP and unknown chunks. Animated WebP (VP8X animation flag, ANIM, ANMF) is
 * refused as an unsupported type: a body measurement needs one still photo, and animation frames
 * would need their own metadata and bomb checks.
 *
 * <p>The copy gets two small rewritten headers: RIFF with the new size, and VP8X with only the
 * alpha and ICC flags (the EXIF and XMP flags would announce chunks that are gone, and readers
 * such as TwelveMonkeys reject reserved bits).
 */
final class WebpChunks {

    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    private static final int VP8X_SIZE = 10;

    private static final int VP8X = fourCc("VP8X");
    private static final int VP8 = fourCc("VP8 ");
    private static final int VP8L = fourCc("VP8L");
    private static final int ALPH = fourCc("ALPH");
    private static final int ICCP = fourCc("ICCP");
    private static final int ANIM = fourCc("ANIM");
    private static final int ANMF = fourCc("ANMF");
    private static final int EXIF = fourCc("EXIF");

    private static final int FLAG_ANIMATION = 0x02;
    private static final int FLAG_ALPHA = 0x10;
    private static final int FLAG_ICC = 0x20;

    private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

    private WebpChunks() {
    }

    static ContainerScan scan(byte[] data) {
        final int n = data.length;
        long riffSize = Bytes.u32le(data, 4);
        if (riffSize < 4 + CHUNK_HEADER) {
            throw malformed("WebP RIFF size is too small");
        }
        if (8 + riffSize > n) {
            throw malformed("WebP ends before the size its RIFF header declares");
        }
        if (8 + riffSize < n) {
            throw trailingData("WebP has data after its RIFF container");
        }
        final int end = n;

        CopyPlan plan = new CopyPlan();
        byte[] riffHeader = new byte[RIFF_HEADER];
        System.arraycopy(data, 0, riffHeader, 0, RIFF_HEADER);
        plan.insert(riffHeader);

        byte[] vp8x = null;
        int canvasWidth = 0;
        int canvasHeight = 0;
        boolean keptIcc = false;
        int imageWidth = 0;
        int imageHeight = 0;
        boolean sawImage = false;
        int exifOffset = -1;
        int exifLength = 0;

        int pos = RIFF_HEADER;
        while (pos < end) {
            if (end - pos < CHUNK_HEADER) {
                throw malformed("WebP chunk header runs past the RIFF size");
            }
            final int id = Bytes.i32be(data, pos);
            final long size = Bytes.u32le(data, pos + 4);
            // Chunks are padded to an even length; the padding byte is part of the container.
            final long padded = size + (size & 1);
            if (padded > end - pos - CHUNK_HEADER) {
                throw malformed("WebP chunk runs past the RIFF size");
            }
            final int body = pos + CHUNK_HEADER;
            final int chunkEnd = (int) (body + padded);
            final boolean first = pos == RIFF_HEADER;

            if (id == VP8X) {
                if (!first) {
                    throw malformed("WebP VP8X chunk is not first");
                }
                if (size != VP8X_SIZE) {
                    throw malformed("WebP VP8X chunk has the wrong size");
                }
                int flags = Bytes.u8(data, body);
                if ((flags & FLAG_ANIMATION) != 0) {
                    throw new PhotoRejectedException(PhotoRejectedException.Reason.UNSUPPORTED_TYPE,
                            "animated WebP is not supported");
                }
                canvasWidth = 1 + Bytes.u24le(data, body + 4);
                canvasHeight = 1 + Bytes.u24le(data, body + 7);
                vp8x = new byte[CHUNK_HEADER + VP8X_SIZE];
                System.arraycopy(data, pos, vp8x, 0, vp8x.length);
                vp8x[CHUNK_HEADER] = (byte) (flags & FLAG_ALPHA); // ICC flag set below if ICCP is kept
                vp8x[CHUNK_HEADER + 1] = 0;
                vp8x[CHUNK_HEADER + 2] = 0;
                vp8x[CHUNK_HEADER + 3] = 0;
                plan.insert(vp8x);
            } else if (id == VP8 || id == VP8L) {
                if (sawImage) {
                    throw malformed("WebP has more than one bitstream");
                }
                if (!first && vp8x == null) {
                    throw malformed("WebP does not start with its bitstream or VP8X");
                }
                long dims = id == VP8 ? lossyDimensions(data, body, size) : losslessDimensions(data, body, size);
                imageWidth = (int) (dims >>> 32);
                imageHeight = (int) dims;
                sawImage = true;
                plan.keep(pos, chunkEnd - pos);
            } else if (id == ANIM || id == ANMF) {
                throw new PhotoRejectedException(PhotoRejectedException.Reason.UNSUPPORTED_TYPE,
                        "animated WebP is not supported");
            } else if (first) {
                throw malformed("WebP does not start with its bitstream or VP8X");
            } else if (vp8x != null && (id == ICCP || id == ALPH)) {
                keptIcc |= id == ICCP;
                plan.keep(pos, chunkEnd - pos);
            } else if (id == EXIF) {
                if (exifOffset < 0 && size > 0) {
                    int skip = Bytes.startsWith(data, body, (int) (body + size), EXIF_PREFIX) ? EXIF_PREFIX.length : 0;
                    exifOffset = body + skip;
                    exifLength = (int) size - skip;
                }
            }
            // XMP, unknown chunks, and ICCP/ALPH in a simple (non-VP8X) file: dropped
            pos = chunkEnd;
        }

        if (!sawImage) {
            throw malformed("WebP has no image data");
        }
        int width = imageWidth;
        int height = imageHeight;
        if (vp8x != null) {
            if (canvasWidth != imageWidth || canvasHeight != imageHeight) {
                throw malformed("WebP canvas and bitstream sizes differ");
            }
            if (keptIcc) {
                vp8x[CHUNK_HEADER] |= FLAG_ICC;
            }
        }
        Bytes.putU32le(riffHeader, 4, plan.length() - 8);
        return new ContainerScan(width, height, exifOffset, exifLength, plan);
    }

    /** VP8 key frame header (RFC 6386 9.1): 3-byte frame tag, start code, 14-bit width and height. */
    private static long lossyDimensions(byte[] data, int body, long size) {
        if (size < 10) {
            throw malformed("WebP VP8 bitstream is too short");
        }
        if ((data[body] & 0x01) != 0) {
            throw malformed("WebP VP8 bitstream is not a key frame");
        }
        if (data[body + 3] != (byte) 0x9D || data[body + 4] != 0x01 || data[body + 5] != 0x2A) {
            throw malformed("WebP VP8 bitstream has no start code");
        }
        int w = Bytes.u16le(data, body + 6) & 0x3FFF;
        int h = Bytes.u16le(data, body + 8) & 0x3FFF;
        if (w == 0 || h == 0) {
            throw malformed("WebP VP8 bitstream has no dimensions");
        }
        return (long) w << 32 | h;
    }

    /** VP8L header: signature 0x2F, then 14-bit width-1, 14-bit height-1, alpha bit, 3-bit version 0. */
    private static long losslessDimensions(byte[] data, int body, long size) {
        if (size < 5) {
            throw malformed("WebP VP8L bitstream is too short");
        }
        if (data[body] != 0x2F) {
            throw malformed("WebP VP8L bitstream has no signature");
        }
        long bits = Bytes.u32le(data, body + 1);
        if ((bits >>> 29) != 0) {
            throw malformed("WebP VP8L bitstream has an unknown version");
        }
        int w = (int) (bits & 0x3FFF) + 1;
        int h = (int) ((bits >>> 14) & 0x3FFF) + 1;
        return (long) w << 32 | h;
    }

    /** FourCC as a big-endian int of its ASCII bytes, the order they appear in the file. */
    private static int fourCc(String name) {
        return Bytes.i32be(Bytes.ascii(name), 0);
    }
}
