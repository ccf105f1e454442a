package dev.mensura.ingest.photo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small classic-TIFF structures (EXIF blocks) for tests: IFDs with typed entries, pointers
 * to sub-IFDs (EXIF, GPS), a next-IFD chain (IFD1 thumbnail) and out-of-line blobs whose offset
 * goes into an entry (JPEGInterchangeFormat).
 */
final class TiffBuilder {

    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int UNDEFINED = 7;

    private final ByteOrder order;

    TiffBuilder(ByteOrder order) {
        this.order = order;
    }

    Ifd ifd() {
        return new Ifd();
    }

    final class Ifd {
        private final List<Field> fields = new ArrayList<>();
        private Ifd next;

        Ifd ascii(int tag, String value) {
            byte[] bytes = (value + "\0").getBytes(StandardCharsets.US_ASCII);
            return raw(tag, ASCII, bytes.length, bytes);
        }

        Ifd shorts(int tag, int... values) {
            ByteBuffer b = buffer(2 * values.length);
            for (int v : values) {
                b.putShort((short) v);
            }
            return raw(tag, SHORT, values.length, b.array());
        }

        Ifd longs(int tag, long... values) {
            ByteBuffer b = buffer(4 * values.length);
            for (long v : values) {
                b.putInt((int) v);
            }
            return raw(tag, LONG, values.length, b.array());
        }

        /** Pairs of numerator, denominator. */
        Ifd rationals(int tag, long... numeratorsAndDenominators) {
            ByteBuffer b = buffer(4 * numeratorsAndDenominators.length);
            for (long v : numeratorsAndDenominators) {
                b.putInt((int) v);
            }
            return raw(tag, RATIONAL, numeratorsAndDenominators.length / 2, b.array());
        }

        Ifd bytes(int tag, int type, byte[] value) {
            return raw(tag, type, value.length, value);
        }

        Ifd raw(int tag, int type, int count, byte[] value) {
            fields.add(new Field(tag, type, count, value, null, null));
            return this;
        }

        /** A LONG entry holding the offset of another IFD (ExifIFDPointer, GPSInfoIFDPointer). */
        Ifd pointer(int tag, Ifd target) {
            fields.add(new Field(tag, LONG, 1, null, target, null));
            return this;
        }

        /** A LONG entry holding the offset of {@code blob}, stored after this IFD. */
        Ifd blobOffset(int tag, byte[] blob) {
            fields.add(new Field(tag, LONG, 1, null, null, blob));
            return this;
        }

        Ifd next(Ifd ifd) {
            this.next = ifd;
            return this;
        }
    }

    private record Field(int tag, int type, int count, byte[] value, Ifd pointer, byte[] blob) {
    }

    byte[] build(Ifd first) {
        List<Ifd> ifds = new ArrayList<>();
        collect(first, ifds);
        Map<Ifd, Integer> offsets = new IdentityHashMap<>();
        Map<byte[], Integer> blobOffsets = new IdentityHashMap<>();
        int at = 8;
        for (Ifd ifd : ifds) {
            ifd.fields.sort(Comparator.comparingInt(Field::tag));
            offsets.put(ifd, at);
            at += 2 + 12 * ifd.fields.size() + 4;
            for (Field f : ifd.fields) {
                if (f.value != null && f.value.length > 4) {
                    at += even(f.value.length);
                }
            }
            for (Field f : ifd.fields) { // blobs after all values
                if (f.blob != null) {
                    blobOffsets.put(f.blob, at);
                    at += even(f.blob.length);
                }
            }
        }
        ByteBuffer out = buffer(at);
        out.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        out.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        out.putShort((short) 42);
        out.putInt(8);
        for (Ifd ifd : ifds) {
            int start = offsets.get(ifd);
            out.position(start);
            out.putShort((short) ifd.fields.size());
            int data = start + 2 + 12 * ifd.fields.size() + 4;
            for (Field f : ifd.fields) {
                out.putShort((short) f.tag).putShort((short) f.type).putInt(f.count);
                if (f.pointer != null) {
                    out.putInt(offsets.get(f.pointer));
                } else if (f.blob != null) {
                    out.putInt(blobOffsets.get(f.blob));
                } else if (f.value.length <= 4) {
                    byte[] inline = new byte[4];
                    System.arraycopy(f.value, 0, inline, 0, f.value.length);
                    out.put(inline);
                } else {
                    out.putInt(data);
                    int here = out.position();
                    out.position(data).put(f.value);
                    out.position(here);
                    data += even(f.value.length);
                }
            }
            out.putInt(ifd.next == null ? 0 : offsets.get(ifd.next));
            for (Field f : ifd.fields) {
                if (f.blob != null) {
                    out.position(blobOffsets.get(f.blob)).put(f.blob);
                }
            }
        }
        return out.array();
    }

    private void collect(Ifd ifd, List<Ifd> into) {
        if (ifd == null || into.contains(ifd)) {
            return;
        }
        into.add(ifd);
        for (Field f : ifd.fields) {
            collect(f.pointer, into);
        }
        collect(ifd.next, into);
    }

    private ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(order);
    }

    private static int even(int n) {
        return n + (n & 1);
    }
}
