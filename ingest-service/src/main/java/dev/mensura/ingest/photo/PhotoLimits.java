package dev.mensura.ingest.photo;

/**
 * Bounds on what an uploaded photo may cost us before any pixel is decoded.
 *
 * <p>{@code maxBytes} bounds the upload itself; {@code maxPixels} and {@code maxSide} bound what
 * decoding would allocate downstream (vision decodes to 3 or 4 bytes a pixel), which a small
 * file can inflate enormously: a 100,000 x 100,000 PNG of zeros compresses to a few megabytes
 * (a decompression bomb). Both are checked against the dimensions in the container headers.
 *
 * @param maxBytes largest accepted upload in bytes
 * @param maxPixels largest accepted width x height
 * @param maxSide largest accepted width and largest accepted height
 */
public record PhotoLimits(long maxBytes, long maxPixels, int maxSide) {

    /** 15 MiB: a full-resolution phone JPEG is 3-8 MB; more is not a photo of a person. */
    public static final long DEFAULT_MAX_BYTES = 15L * 1024 * 1024;
    /** 50 megapixels: above any current phone's main camera in its default mode. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /** 12,000 px a side: refuses absurd aspect ratios that stay under the pixel limit. */
    public static final int DEFAULT_MAX_SIDE = 12_000;

    public PhotoLimits {
        // A byte[] cannot hold more than Integer.MAX_VALUE - 8 bytes on common JVMs.
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8));
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive");
        }
    }

    /** 15 MiB, 50,000,000 pixels, 12,000 px a side. */
    public static PhotoLimits defaults() {
        return new PhotoLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);
    }
}
