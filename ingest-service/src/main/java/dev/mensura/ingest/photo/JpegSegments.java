package dev.mensura.ingest.photo;

import static dev.mensura.ingest.photo.PhotoRejectedException.malformed;
import static dev.mensura.ingest.photo.PhotoRejectedException.trailingData;

/**
 * Walks a JPEG marker by marker from SOI to EOI, checks its structure, and plans a copy without
 * the metadata segments (I3).
 *
 * <p>Kept: SOI, the frame and scan headers, tables (DQT, DHT, DRI, DAC, DNL), all entropy-coded
 * data, EOI, and the three application segments decoding depends on:
 * <ul>
 *   <li>APP0 "JFIF": says three components are YCbCr. Its optional RGB thumbnail is cut off, the
 *       header is kept.</li>
 *   <li>APP2 "ICC_PROFILE": the colour space; without it wide-gamut photos decode with wrong colours.
 *       A profile describes a device, not a person.</li>
 *   <li>APP14 "Adobe": its transform flag decides whether four components are CMYK or YCCK and
 *       whether three are YCbCr or RGB.</li>
 * </ul>
 * Dropped: every other APPn (APP1 EXIF with GPS, maker notes and thumbnail, APP1 XMP, APP2 MPF and
 * FlashPix, APP13 Photoshop/IPTC, APP11 JUMBF/C2PA, APP0 JFXX thumbnails ...) and COM.
 *
 * <p>Refused: a missing frame header or scan, a file that ends before EOI (MALFORMED), bytes after
 * EOI (TRAILING_DATA: a JPEG followed by a ZIP is a valid ZIP too, and we must not store or pass
 * on a second document hidden behind the image), and markers that no photo decoder supports
 * (hierarchical coding, reserved JPGn codes, JPEG-LS).
 *
 * <p>One exception to TRAILING_DATA: phones write secondary images (HDR gain map, depth map) as
 * complete JPEGs after the primary's EOI and index them in an APP2 "MPF" segment. When the
 * primary has such a segment and everything after its EOI walks as a sequence of complete JPEGs,
 * those images are dropped from the copy instead of refusing the photo, which would otherwise refuse
 * most photos from current Android phones and iPhones. Anything else after EOI, including a ZIP
 * after MPF images, is still TRAILING_DATA.
 */
final class JpegSegments {

    private static final int SOF0 = 0xC0;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DNL = 0xDC;
    private static final int DRI = 0xDD;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final int TEM = 0x01;

    private static final byte[] JFIF = Bytes.ascii("JFIF\0");
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] ICC_PROFILE = Bytes.ascii("ICC_PROFILE\0");
    private static final byte[] MPF = Bytes.ascii("MPF\0");
    private static final byte[] ADOBE = Bytes.ascii("Adobe");

    /** JFIF APP0 payload up to and including the thumbnail dimensions (identifier .. Ythumbnail). */
    private static final int JFIF_HEADER_LENGTH = 14;

    private JpegSegments() {
    }

    static ContainerScan scan(byte[] data) {
        CopyPlan plan = new CopyPlan();
        Walk primary = new Walk(data, plan);
        int end = primary.run(0);

        if (end < data.length) {
            if (!primary.hasMpf) {
                throw trailingData("JPEG has data after its end-of-image marker");
            }
            skipSecondaryImages(data, end);
        }
        return new ContainerScan(primary.width, primary.height, primary.exifOffset, primary.exifLength, plan);
    }

    /** Accepts the rest of the file only if it is a sequence of complete JPEGs (MPF secondary images). */
    private static void skipSecondaryImages(byte[] data, int from) {
        int pos = from;
        while (pos < data.length) {
            if (data.length - pos < 4 || data[pos] != (byte) 0xFF || data[pos + 1] != (byte) SOI) {
                throw trailingData("JPEG has data after its end-of-image marker");
            }
            try {
                pos = new Walk(data, null).run(pos);
            } catch (PhotoRejectedException e) {
                throw trailingData("JPEG has data after its end-of-image marker");
            }
        }
    }

    /** One image from SOI to EOI. With a null plan it only checks structure (secondary images). */
    private static final class Walk {
        private final byte[] data;
        private final CopyPlan plan;
        int width;
        int height;
        int exifOffset = -1;
        int exifLength;
        boolean hasMpf;
        private boolean sawFrame;
        private boolean sawScan;

        Walk(byte[] data, CopyPlan plan) {
            this.data = data;
            this.plan = plan;
        }

        /** Walks the image whose SOI is at {@code start}; returns the offset just after its EOI. */
        int run(int start) {
            final int n = data.length;
            keep(start, 2); // SOI
            int pos = start + 2;
            while (true) {
                if (pos >= n) {
                    throw malformed("JPEG ends before its end-of-image marker");
                }
                if (data[pos] != (byte) 0xFF) {
                    throw malformed("JPEG has data outside its segments");
                }
                // Any number of 0xFF fill bytes may precede a marker code; they are not copied.
                int code = pos + 1;
                while (code < n && data[code] == (byte) 0xFF) {
                    code++;
                }
                if (code >= n) {
                    throw malformed("JPEG ends before its end-of-image marker");
                }
                final int markerStart = code - 1;
                final int marker = data[code] & 0xFF;
                pos = code + 1;

                if (marker == EOI) {
                    if (!sawScan) {
                        throw malformed("JPEG has no image data");
                    }
                    keep(markerStart, 2);
                    return pos;
                }
                if (marker == SOI || marker == 0x00) {
                    throw malformed("JPEG has a misplaced marker");
                }
                if ((marker >= RST0 && marker <= RST7) || marker == TEM) {
                    keep(markerStart, 2); // stand-alone markers without a length or payload
                    continue;
                }

                // Every other marker has a big-endian length that counts itself but not the marker.
                if (n - pos < 2) {
                    throw malformed("JPEG ends inside a segment header");
                }
                int length = Bytes.u16be(data, pos);
                if (length < 2) {
                    throw malformed("JPEG segment has an invalid length");
                }
                final int segmentEnd = pos + length;
                if (segmentEnd > n) {
                    throw malformed("JPEG segment runs past the end of the file");
                }
                final int payload = pos + 2;
                final int payloadLength = length - 2;
                final int segmentLength = segmentEnd - markerStart;

                if (marker >= APP0 && marker <= APP15) {
                    application(marker, markerStart, segmentLength, payload, payloadLength);
                } else if (marker == COM) {
                    // comments are free text (names, software, sometimes coordinates): dropped
                } else if (isFrame(marker)) {
                    frame(payload, payloadLength);
                    keep(markerStart, segmentLength);
                } else if (marker == SOS) {
                    int entropyEnd = scan(payload, payloadLength, segmentEnd);
                    keep(markerStart, entropyEnd - markerStart);
                    pos = entropyEnd;
                    continue;
                } else if (marker == DHT || marker == DQT || marker == DRI || marker == DAC || marker == DNL) {
                    keep(markerStart, segmentLength);
                } else {
                    // Hierarchical SOF5-7/13-15, DHP, EXP, JPG, JPGn (incl. JPEG-LS SOF55) and reserved
                    // codes: no photo decoder in our pipeline reads them, and an unknown segment could
                    // carry anything.
                    throw malformed("JPEG uses an unsupported marker");
                }
                pos = segmentEnd;
            }
        }

        private void application(int marker, int markerStart, int segmentLength, int payload, int payloadLength) {
            int payloadEnd = payload + payloadLength;
            switch (marker) {
                case APP0 -> {
                    if (Bytes.startsWith(data, payload, payloadEnd, JFIF) && payloadLength >= JFIF_HEADER_LENGTH) {
                        jfif(markerStart, segmentLength, payload);
                    }
                    // APP0 "JFXX" (thumbnail extension), "AVI1" and others: dropped
                }
                case APP1 -> {
                    // EXIF and XMP both live in APP1; read the first EXIF block's values, drop them all.
                    if (exifOffset < 0 && payloadLength > EXIF.length && Bytes.startsWith(data, payload, payloadEnd, EXIF)) {
                        exifOffset = payload + EXIF.length;
                        exifLength = payloadLength - EXIF.length;
                    }
                }
                case APP2 -> {
                    if (Bytes.startsWith(data, payload, payloadEnd, ICC_PROFILE)) {
                        keep(markerStart, segmentLength);
                    } else if (Bytes.startsWith(data, payload, payloadEnd, MPF)) {
                        hasMpf = true;
                    }
                }
                case APP14 -> {
                    if (Bytes.startsWith(data, payload, payloadEnd, ADOBE)) {
                        keep(markerStart, segmentLength);
                    }
                }
                default -> {
                    // APP3..APP13 (APP13 = Photoshop/IPTC), APP15: dropped
                }
            }
        }

        /** Keeps the JFIF header; a thumbnail embedded in it is cut off by rewriting the header. */
        private void jfif(int markerStart, int segmentLength, int payload) {
            int thumbWidth = Bytes.u8(data, payload + 12);
            int thumbHeight = Bytes.u8(data, payload + 13);
            if (thumbWidth == 0 && thumbHeight == 0 && segmentLength == 2 + 2 + JFIF_HEADER_LENGTH) {
                keep(markerStart, segmentLength);
                return;
            }
            if (plan != null) {
                byte[] header = new byte[2 + 2 + JFIF_HEADER_LENGTH];
                header[0] = (byte) 0xFF;
                header[1] = (byte) APP0;
                header[3] = (byte) (2 + JFIF_HEADER_LENGTH);
                // identifier, version, units, densities; thumbnail width and height stay 0
                System.arraycopy(data, payload, header, 4, JFIF_HEADER_LENGTH - 2);
                plan.insert(header);
            }
        }

        /** SOFn: precision, height, width, components. Only the first frame of an image is allowed. */
        private void frame(int payload, int payloadLength) {
            if (sawFrame) {
                throw malformed("JPEG has more than one frame header");
            }
            if (payloadLength < 6) {
                throw malformed("JPEG frame header is too short");
            }
            int lines = Bytes.u16be(data, payload + 1);
            int samplesPerLine = Bytes.u16be(data, payload + 3);
            int components = Bytes.u8(data, payload + 5);
            if (components < 1 || components > 4 || payloadLength != 6 + 3 * components) {
                throw malformed("JPEG frame header is inconsistent");
            }
            if (lines == 0 || samplesPerLine == 0) {
                // height 0 means "defined later by DNL", which photo decoders do not support
                throw malformed("JPEG frame header has no dimensions");
            }
            width = samplesPerLine;
            height = lines;
            sawFrame = true;
        }

        /** SOS header, then its entropy-coded data; returns where the data ends (the next marker). */
        private int scan(int payload, int payloadLength, int segmentEnd) {
            if (!sawFrame) {
                throw malformed("JPEG has a scan before its frame header");
            }
            int components = payloadLength >= 1 ? Bytes.u8(data, payload) : 0;
            if (components < 1 || components > 4 || payloadLength != 4 + 2 * components) {
                throw malformed("JPEG scan header is inconsistent");
            }
            int next = JpegEntropy.nextMarker(data, segmentEnd, data.length);
            if (next < 0) {
                throw malformed("JPEG ends inside its image data");
            }
            sawScan = true;
            return next;
        }

        private void keep(int offset, int length) {
            if (plan != null) {
                plan.keep(offset, length);
            }
        }
    }

    /** SOF0-3 and SOF9-11: the sequential, progressive and lossless processes, Huffman or arithmetic. */
    private static boolean isFrame(int marker) {
        return (marker >= SOF0 && marker <= SOF0 + 3) || (marker >= JPG + 1 && marker <= JPG + 3);
    }
}
