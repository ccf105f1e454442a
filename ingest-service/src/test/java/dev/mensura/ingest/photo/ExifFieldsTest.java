package dev.mensura.ingest.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifFieldsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsEveryValidOrientation(int orientation) {
        byte[] tiff = new MetadataFixture(orientation, 52, ByteOrder.LITTLE_ENDIAN).tiff();
        assertThat(ExifFields.read(tiff, 0, tiff.length)).isEqualTo(new ExifFields(orientation, 52));
    }

    @Test
    void readsBigEndian() {
        byte[] tiff = new MetadataFixture(8, 13, ByteOrder.BIG_ENDIAN).tiff();
        assertThat(ExifFields.read(tiff, 0, tiff.length)).isEqualTo(new ExifFields(8, 13));
    }

    @Test
    void readsAtAnOffsetInsideALargerArray() {
        byte[] tiff = new MetadataFixture(5, 28, ByteOrder.LITTLE_ENDIAN).tiff();
        byte[] surrounded = TestImages.concat(new byte[37], tiff, new byte[11]);
        assertThat(ExifFields.read(surrounded, 37, tiff.length)).isEqualTo(new ExifFields(5, 28));
    }

    @Test
    void outOfRangeOrMissingValuesFallBackToDefaults() {
        TiffBuilder t = new TiffBuilder(ByteOrder.LITTLE_ENDIAN);
        byte[] tiff = t.build(t.ifd()
                .shorts(MetadataFixture.TAG_ORIENTATION, 9)
                .pointer(MetadataFixture.TAG_EXIF_IFD, t.ifd().shorts(MetadataFixture.TAG_FOCAL_35, 0)));
        assertThat(ExifFields.read(tiff, 0, tiff.length)).isEqualTo(ExifFields.NONE);

        byte[] focalOnly = new MetadataFixture(0, null, ByteOrder.LITTLE_ENDIAN).tiff();
        assertThat(ExifFields.read(focalOnly, 0, focalOnly.length)).isEqualTo(ExifFields.NONE);

        assertThat(ExifFields.read(new byte[0], -1, 0)).isEqualTo(ExifFields.NONE);
    }

    @Test
    void acceptsLongInsteadOfShort() {
        TiffBuilder t = new TiffBuilder(ByteOrder.BIG_ENDIAN);
        byte[] tiff = t.build(t.ifd()
                .longs(MetadataFixture.TAG_ORIENTATION, 3)
                .pointer(MetadataFixture.TAG_EXIF_IFD, t.ifd().longs(MetadataFixture.TAG_FOCAL_35, 35)));
        assertThat(ExifFields.read(tiff, 0, tiff.length)).isEqualTo(new ExifFields(3, 35));
    }

    @Test
    void garbageGivesDefaults() {
        Random random = new Random(31);
        for (int i = 0; i < 500; i++) {
            byte[] garbage = new byte[8 + random.nextInt(600)];
            random.nextBytes(garbage);
            garbage[0] = garbage[1] = (byte) (random.nextBoolean() ? 'I' : 'M');
            garbage[2] = (byte) (garbage[0] == 'I' ? 42 : 0);
            garbage[3] = (byte) (garbage[0] == 'I' ? 0 : 42);
            ExifFields fields = ExifFields.read(garbage, 0, garbage.length);
            assertThat(fields.orientation()).isBetween(1, 8);
        }
    }

    @Test
    void pointerCyclesTerminate() {
        // IFD0 at 8 whose EXIF pointer and next-IFD link both point back at itself
        byte[] tiff = new byte[8 + 2 + 2 * 12 + 4];
        tiff[0] = 'I';
        tiff[1] = 'I';
        tiff[2] = 42;
        tiff[4] = 8;
        tiff[8] = 2;
        entry(tiff, 10, 0x0112, 3, 1, 6);
        entry(tiff, 22, 0x8769, 4, 1, 8);
        Bytes.putU32le(tiff, 34, 8);

        assertThat(ExifBudget.allows(tiff, 0, tiff.length)).isTrue();
        assertThat(ExifFields.read(tiff, 0, tiff.length).orientation()).isEqualTo(6);
    }

    @Test
    void budgetRefusesBlocksThatWouldMakeTheReaderAllocateWithoutBound() throws Exception {
        byte[] hostile = amplifyingTiff(5_000, 60_000);
        // what the guard prevents: the reader really materialises every overlapping value
        Directory directory = new TIFFReader().read(new ByteArrayImageInputStream(amplifyingTiff(20, 60_000)));
        assertThat(directory.size()).isEqualTo(20);
        assertThat(directory.iterator().next().getValue()).isInstanceOf(byte[].class);

        assertThat(ExifBudget.allows(hostile, 0, hostile.length)).isFalse();
        long before = allocatedBytes();
        assertThat(ExifFields.read(hostile, 0, hostile.length)).isEqualTo(ExifFields.NONE);
        // Unguarded, TIFFReader would allocate 5,000 x 60 KB = 300 MB here.
        assertThat(allocatedBytes() - before).isLessThan(8L << 20);
    }

    /** Bytes allocated so far by this thread (HotSpot's ThreadMXBean extension). */
    static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void budgetAllowsRealisticExif() {
        byte[] tiff = MetadataFixture.standard().tiff();
        assertThat(ExifBudget.allows(tiff, 0, tiff.length)).isTrue();
        assertThat(ExifBudget.allows(tiff, 0, 7)).isFalse();
        byte[] bigTiff = tiff.clone();
        bigTiff[2] = 43;
        assertThat(ExifBudget.allows(bigTiff, 0, bigTiff.length)).isFalse();
    }

    /** IFD0 with {@code entries} MakerNote entries that all point at the same {@code valueLength} bytes. */
    static byte[] amplifyingTiff(int entries, int valueLength) {
        int ifdEnd = 8 + 2 + 12 * entries + 4;
        byte[] tiff = new byte[Math.max(ifdEnd, 8 + valueLength)];
        tiff[0] = 'I';
        tiff[1] = 'I';
        tiff[2] = 42;
        tiff[4] = 8;
        tiff[8] = (byte) entries;
        tiff[9] = (byte) (entries >>> 8);
        for (int i = 0; i < entries; i++) {
            entry(tiff, 10 + 12 * i, 0x927C, 7, valueLength, 8);
        }
        return tiff;
    }

    private static void entry(byte[] tiff, int at, int tag, int type, long count, long value) {
        tiff[at] = (byte) tag;
        tiff[at + 1] = (byte) (tag >>> 8);
        tiff[at + 2] = (byte) type;
        Bytes.putU32le(tiff, at + 4, count);
        Bytes.putU32le(tiff, at + 8, value);
    }
}
