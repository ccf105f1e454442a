package dev.mensura.ingest.photo;

import java.util.Optional;

/**
 * The image containers ingest accepts, recognised by their magic bytes only.
 *
 * <p>The client's Content-Type, the multipart file name and its extension are all chosen by the
 * sender and prove nothing, so they are never consulted: a text file named {@code .jpg} is
 * refused because its first bytes are not a JPEG signature.
 */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    /** SOI marker followed by the first byte of the next marker; every JPEG starts like this. */
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_FORM = {'W', 'E', 'B', 'P'};

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The IANA media type, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Identifies the container from its leading bytes.
     *
     * @return the format, or empty when the bytes are none of the accepted formats (GIF, PDF,
     *     HEIC, text, a RIFF file that is not WebP, anything too short to tell ...)
     */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (Bytes.startsWith(bytes, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (Bytes.startsWith(bytes, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        // RIFF is a generic container (WAV, AVI ...); only the WEBP form type makes it an image.
        if (Bytes.startsWith(bytes, 0, RIFF) && Bytes.startsWith(bytes, 8, WEBP_FORM)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }
}
