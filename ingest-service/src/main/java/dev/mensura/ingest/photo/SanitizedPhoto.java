package dev.mensura.ingest.photo;

import java.util.Objects;

/**
 * A photo that passed validation, with its metadata removed (invariant I3).
 *
 * <p>{@code bytes} is the live array, not a copy: photo bytes must exist in as few places as
 * possible and be zeroed when the job ends (I2), so whoever holds this record owns that array
 * and must overwrite it ({@code Arrays.fill(photo.bytes(), (byte) 0)}) when done with it.
 * {@link #toString()} never prints the bytes.
 *
 * @param format the container, as found by its magic bytes
 * @param bytes the stripped container, same encoding as uploaded (never re-encoded)
 * @param width width in pixels as stored (before applying {@code orientation})
 * @param height height in pixels as stored (before applying {@code orientation})
 * @param orientation EXIF orientation 1..8 (1 = upright, also when absent or unreadable)
 * @param focalLength35mm EXIF FocalLengthIn35mmFilm in millimetres, or null when not recorded
 */
public record SanitizedPhoto(ImageFormat format, byte[] bytes, int width, int height, int orientation,
                             Integer focalLength35mm) {

    public SanitizedPhoto {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be positive");
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be 1..8");
        }
        if (focalLength35mm != null && focalLength35mm < 1) {
            throw new IllegalArgumentException("focalLength35mm must be positive when present");
        }
    }

    @Override
    public String toString() {
        return "SanitizedPhoto[format=" + format + ", bytes=" + bytes.length + " bytes, width=" + width
                + ", height=" + height + ", orientation=" + orientation + ", focalLength35mm=" + focalLength35mm + "]";
    }
}
