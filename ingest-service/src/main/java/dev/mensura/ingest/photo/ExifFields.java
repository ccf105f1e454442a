package dev.mensura.ingest.photo;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * The only EXIF values processing needs, read before the metadata is stripped (I3): orientation,
 * to turn the photo upright before pose detection, and the 35 mm equivalent focal length, which
 * gives the camera's field of view for perspective correction. Neither identifies a person. GPS,
 * maker notes, serial numbers and the rest are never looked at and leave with the block.
 *
 * <p>The block is parsed by TwelveMonkeys' {@link TIFFReader} over the upload's own array (no copy),
 * after {@link ExifBudget} has checked it cannot make the reader allocate without bound. A block
 * that is over budget or broken never refuses the photo: the block is stripped anyway, and the
 * photo is processed with the defaults, as if the camera had written no EXIF.
 *
 * @param orientation EXIF Orientation (0x0112) 1..8, 1 when absent or out of range
 * @param focalLength35mm EXIF FocalLengthIn35mmFilm (0xA405) in mm; null when absent or 0
 *     ("unknown" in the EXIF spec). FocalLength (0x920A) alone is not converted: that needs the
 *     sensor size, which EXIF does not reliably carry.
 */
record ExifFields(int orientation, Integer focalLength35mm) {

    static final ExifFields NONE = new ExifFields(1, null);

    static final int TAG_FOCAL_LENGTH_IN_35MM_FILM = 0xA405;

    /** Reads the TIFF structure at {@code data[offset, offset + length)}; NONE if there is none. */
    static ExifFields read(byte[] data, int offset, int length) {
        if (offset < 0 || length < 8 || !ExifBudget.allows(data, offset, length)) {
            return NONE;
        }
        try (ImageInputStream in = new ByteArrayImageInputStream(data, offset, length)) {
            Directory tiff = new TIFFReader().read(in);
            Directory ifd0 = tiff instanceof CompoundDirectory compound && compound.directoryCount() > 0
                    ? compound.getDirectory(0)
                    : tiff;
            int orientation = orientation(ifd0.getEntryById(TIFF.TAG_ORIENTATION));
            Integer focal = null;
            Entry exifPointer = ifd0.getEntryById(TIFF.TAG_EXIF_IFD);
            if (exifPointer != null && exifPointer.getValue() instanceof Directory exif) {
                focal = focal35(exif.getEntryById(TAG_FOCAL_LENGTH_IN_35MM_FILM));
            }
            return new ExifFields(orientation, focal);
        } catch (IOException | RuntimeException e) {
            // Hostile or broken EXIF: the reader may fail in many ways. None of them is a reason to
            // refuse the photo or to answer 500; the block is stripped regardless.
            return NONE;
        }
    }

    private static int orientation(Entry entry) {
        Integer value = firstInt(entry);
        return value != null && value >= 1 && value <= 8 ? value : 1;
    }

    private static Integer focal35(Entry entry) {
        Integer value = firstInt(entry);
        return value != null && value > 0 ? value : null;
    }

    /** SHORT values come back as Integer, some writers use LONG (Long) or a one-element array. */
    private static Integer firstInt(Entry entry) {
        if (entry == null) {
            return null;
        }
        Object value = entry.getValue();
        if (value instanceof int[] ints && ints.length > 0) {
            value = ints[0];
        } else if (value instanceof short[] shorts && shorts.length > 0) {
            value = shorts[0] & 0xFFFF;
        } else if (value instanceof long[] longs && longs.length > 0) {
            value = longs[0];
        }
        if (value instanceof Number number) {
            long v = number.longValue();
            return v >= 0 && v <= 65_535 ? (int) v : null;
        }
        return null;
    }
}
