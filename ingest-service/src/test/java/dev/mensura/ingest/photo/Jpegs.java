package dev.mensura.ingest.photo;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Splices JPEG segments for tests. */
final class Jpegs {

    static final int APP0 = 0xE0;
    static final int APP1 = 0xE1;
    static final int APP2 = 0xE2;
    static final int APP11 = 0xEB;
    static final int APP12 = 0xEC;
    static final int APP13 = 0xED;
    static final int APP14 = 0xEE;
    static final int APP15 = 0xEF;
    static final int COM = 0xFE;

    private Jpegs() {
    }

    /** One marker segment: FF, marker, big-endian length (payload + 2), payload. */
    static byte[] segment(int marker, byte[] payload) {
        if (payload.length + 2 > 0xFFFF) {
            throw new IllegalArgumentException("segment too long");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >>> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] segment(int marker, byte[] identifier, byte[] body) {
        return segment(marker, TestImages.concat(identifier, body));
    }

    /** Offset just after SOI and a leading APP0 (JFIF requires APP0 to come first). */
    static int afterApp0(byte[] jpeg) {
        int pos = 2;
        if ((jpeg[pos + 1] & 0xFF) == APP0) {
            pos += 2 + Bytes.u16be(jpeg, pos + 2);
        }
        return pos;
    }

    static byte[] insert(byte[] jpeg, int at, byte[]... segments) {
        byte[] middle = TestImages.concat(segments);
        return TestImages.concat(java.util.Arrays.copyOfRange(jpeg, 0, at), middle,
                java.util.Arrays.copyOfRange(jpeg, at, jpeg.length));
    }

    /** Offset of the first marker {@code marker} in the segment sequence before the first SOS, or -1. */
    static int find(byte[] jpeg, int marker) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int m = jpeg[pos + 1] & 0xFF;
            if (m == marker) {
                return pos;
            }
            if (m == 0xDA) {
                return -1;
            }
            pos += 2 + Bytes.u16be(jpeg, pos + 2);
        }
        return -1;
    }

    /** Markers of the segments before the first SOS, in order. */
    static List<Integer> headerMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int m = jpeg[pos + 1] & 0xFF;
            markers.add(m);
            if (m == 0xDA) {
                break;
            }
            pos += 2 + Bytes.u16be(jpeg, pos + 2);
        }
        return markers;
    }

    /** Rewrites the dimensions in the first SOFn (header claims only; the data is unchanged). */
    static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int sof : new int[] {0xC0, 0xC1, 0xC2}) {
            int at = find(copy, sof);
            if (at >= 0) {
                copy[at + 5] = (byte) (height >>> 8);
                copy[at + 6] = (byte) height;
                copy[at + 7] = (byte) (width >>> 8);
                copy[at + 8] = (byte) width;
                return copy;
            }
        }
        throw new IllegalArgumentException("no SOF");
    }
}
