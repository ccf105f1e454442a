package dev.mensura.ingest.photo;

import static dev.mensura.ingest.photo.PhotoRejectedException.malformed;
import static dev.mensura.ingest.photo.PhotoRejectedException.trailingData;

import java.util.zip.CRC32;

/**
 * Walks a PNG chunk by chunk, checks its structure, and plans a copy with only the chunks that
 * describe pixels (I3).
 *
 * <p>Checked: the signature, IHDR first and well-formed, every chunk's length against the file and
 * its CRC, at least one IDAT, PLTE for palette images, IEND last; bytes after IEND are TRAILING_DATA
 * (PNG/ZIP polyglots), a missing IEND or a chunk running past the end is MALFORMED.
 *
 * <p>Kept is an allow-list, because ancillary chunks are where PNG keeps its metadata and new ones
 * keep appearing: the critical chunks (IHDR, PLTE, IDAT, IEND) and the chunks that change how the
 * pixels look (tRNS transparency; gAMA, cHRM, sRGB, iCCP, sBIT, cICP, mDCv, cLLI colour). Dropped:
 * text (tEXt, zTXt, iTXt), eXIf, tIME, and everything else (pHYs, bKGD, sPLT, hIST, oFFs, APNG
 * frames, private chunks). An unknown critical chunk is MALFORMED: the PNG spec forbids decoding it.
 *
 * <p>Kept chunks are copied whole with their original CRC, so the image data is never re-encoded.
 */
final class PngChunks {

    private static final int SIGNATURE_LENGTH = 8;
    /** Length field, type, CRC: the bytes of a chunk that are not data. */
    private static final int CHUNK_OVERHEAD = 12;

    private static final int IHDR = type("IHDR");
    private static final int PLTE = type("PLTE");
    private static final int IDAT = type("IDAT");
    private static final int IEND = type("IEND");
    private static final int EXIF = type("eXIf");
    private static final int[] KEPT_ANCILLARY = {
        type("tRNS"), type("gAMA"), type("cHRM"), type("sRGB"), type("iCCP"),
        type("sBIT"), type("cICP"), type("mDCv"), type("cLLI"),
    };
    private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

    private PngChunks() {
    }

    static ContainerScan scan(byte[] data) {
        final int n = data.length;
        CopyPlan plan = new CopyPlan();
        plan.keep(0, SIGNATURE_LENGTH);
        CRC32 crc = new CRC32();

        int width = 0;
        int height = 0;
        int colourType = -1;
        boolean sawPalette = false;
        boolean sawData = false;
        int exifOffset = -1;
        int exifLength = 0;

        int pos = SIGNATURE_LENGTH;
        while (true) {
            if (n - pos < CHUNK_OVERHEAD) {
                throw malformed("PNG ends before its IEND chunk");
            }
            long declared = Bytes.u32be(data, pos);
            if (declared > n - pos - CHUNK_OVERHEAD) {
                throw malformed("PNG chunk runs past the end of the file");
            }
            final int length = (int) declared;
            final int type = Bytes.i32be(data, pos + 4);
            final int body = pos + 8;
            final int chunkEnd = body + length + 4;

            if (!isLetters(type)) {
                throw malformed("PNG chunk has an invalid type");
            }
            crc.reset();
            crc.update(data, pos + 4, 4 + length);
            if ((int) crc.getValue() != Bytes.i32be(data, body + length)) {
                throw malformed("PNG chunk checksum does not match");
            }
            if (pos == SIGNATURE_LENGTH) {
                if (type != IHDR) {
                    throw malformed("PNG does not start with IHDR");
                }
            } else if (type == IHDR) {
                throw malformed("PNG has more than one IHDR");
            }

            if (type == IHDR) {
                if (length != 13) {
                    throw malformed("PNG IHDR has the wrong length");
                }
                long w = Bytes.u32be(data, body);
                long h = Bytes.u32be(data, body + 4);
                int bitDepth = Bytes.u8(data, body + 8);
                colourType = Bytes.u8(data, body + 9);
                if (w < 1 || h < 1 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                    throw malformed("PNG IHDR has invalid dimensions");
                }
                if (!validDepth(colourType, bitDepth) || data[body + 10] != 0 || data[body + 11] != 0
                        || Bytes.u8(data, body + 12) > 1) {
                    throw malformed("PNG IHDR has invalid parameters");
                }
                width = (int) w;
                height = (int) h;
                plan.keep(pos, chunkEnd - pos);
            } else if (type == IEND) {
                if (length != 0) {
                    throw malformed("PNG IEND is not empty");
                }
                plan.keep(pos, chunkEnd - pos);
                if (!sawData) {
                    throw malformed("PNG has no image data");
                }
                if (colourType == 3 && !sawPalette) {
                    throw malformed("PNG palette image has no palette");
                }
                if (chunkEnd < n) {
                    throw trailingData("PNG has data after its IEND chunk");
                }
                return new ContainerScan(width, height, exifOffset, exifLength, plan);
            } else if (type == IDAT) {
                sawData = true;
                plan.keep(pos, chunkEnd - pos);
            } else if (type == PLTE) {
                sawPalette = true;
                plan.keep(pos, chunkEnd - pos);
            } else if (type == EXIF) {
                if (exifOffset < 0 && length > 0) {
                    // The spec stores a bare TIFF structure; some writers prefix JPEG's "Exif\0\0".
                    int skip = Bytes.startsWith(data, body, body + length, EXIF_PREFIX) ? EXIF_PREFIX.length : 0;
                    exifOffset = body + skip;
                    exifLength = length - skip;
                }
            } else if (isKeptAncillary(type)) {
                plan.keep(pos, chunkEnd - pos);
            } else if (isCritical(type)) {
                throw malformed("PNG has an unknown critical chunk");
            }
            // any other ancillary chunk: dropped
            pos = chunkEnd;
        }
    }

    private static boolean validDepth(int colourType, int bitDepth) {
        return switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }

    private static boolean isKeptAncillary(int type) {
        for (int kept : KEPT_ANCILLARY) {
            if (kept == type) {
                return true;
            }
        }
        return false;
    }

    /** Bit 5 of the first type byte clear (upper-case letter) marks a critical chunk. */
    private static boolean isCritical(int type) {
        return (type & 0x2000_0000) == 0;
    }

    private static boolean isLetters(int type) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (type >>> shift) & 0xFF;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static int type(String name) {
        byte[] b = Bytes.ascii(name);
        return Bytes.i32be(b, 0);
    }
}
