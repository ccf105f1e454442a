package dev.mensura.ingest.photo;

import dev.mensura.ingest.photo.PhotoRejectedException.Reason;
import java.util.Arrays;
import java.util.Objects;

/**
 * Validates an uploaded photo and removes its metadata, entirely in memory and without decoding
 * a pixel (I1, I3).
 *
 * <p>The checks run from cheapest to dearest, and nothing is copied until all structural checks
 * have passed:
 * <ol>
 *   <li>empty: 400 {@code empty-photo};</li>
 *   <li>size above {@link PhotoLimits#maxBytes()}: 413 {@code photo-too-large};</li>
 *   <li>magic bytes not JPEG, PNG or WebP: 415 {@code unsupported-media-type};</li>
 *   <li>structural walk of the container ({@link JpegSegments}, {@link PngChunks},
 *       {@link WebpChunks}): broken or truncated is 422 {@code malformed-image}, bytes after the
 *       image's end 422 {@code trailing-data}; the walk also yields the header dimensions and plans
 *       the stripped copy;</li>
 *   <li>header dimensions above {@link PhotoLimits#maxSide()} or {@link PhotoLimits#maxPixels()}:
 *       422 {@code image-dimensions-exceeded} (decompression bombs);</li>
 *   <li>orientation and focal length read from the EXIF block ({@link ExifFields});</li>
 *   <li>the stripped copy built in one pass ({@link CopyPlan});</li>
 *   <li>the decoder's header reader must see the same dimensions in the copy ({@link DecoderHeaders}).</li>
 * </ol>
 *
 * <p>Thread-safe and stateless apart from its limits: one instance serves all requests.
 */
public final class PhotoSanitizer {

    private final PhotoLimits limits;

    public PhotoSanitizer(PhotoLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public PhotoLimits limits() {
        return limits;
    }

    /**
     * Returns a metadata-free copy of {@code input} with its dimensions, orientation and focal
     * length, or throws {@link PhotoRejectedException}. {@code input} is only read; the caller still
     * owns it and must zero it (I2). A null input counts as empty.
     */
    public SanitizedPhoto sanitize(byte[] input) {
        if (input == null || input.length == 0) {
            throw new PhotoRejectedException(Reason.EMPTY, "photo is empty");
        }
        if (input.length > limits.maxBytes()) {
            throw new PhotoRejectedException(Reason.TOO_LARGE, "photo exceeds the size limit");
        }
        ImageFormat format = ImageFormat.sniff(input).orElseThrow(() -> new PhotoRejectedException(
                Reason.UNSUPPORTED_TYPE, "photo is not a JPEG, PNG or WebP image"));

        ContainerScan scan = switch (format) {
            case JPEG -> JpegSegments.scan(input);
            case PNG -> PngChunks.scan(input);
            case WEBP -> WebpChunks.scan(input);
        };

        int width = scan.width();
        int height = scan.height();
        if (width > limits.maxSide() || height > limits.maxSide()
                || (long) width * height > limits.maxPixels()) {
            throw new PhotoRejectedException(Reason.TOO_MANY_PIXELS, "image dimensions exceed the limit");
        }

        ExifFields exif = scan.hasExif() ? ExifFields.read(input, scan.exifOffset(), scan.exifLength()) : ExifFields.NONE;

        byte[] stripped = scan.plan().copyFrom(input);
        try {
            DecoderHeaders.verify(format, stripped, width, height);
        } catch (PhotoRejectedException e) {
            Arrays.fill(stripped, (byte) 0); // nothing half-made is left behind (I2)
            throw e;
        }
        return new SanitizedPhoto(format, stripped, width, height, exif.orientation(), exif.focalLength35mm());
    }
}
