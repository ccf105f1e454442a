package dev.mensura.ingest.photo;

import java.util.Objects;

/**
 * An upload that is not an acceptable photo. The {@link Reason} carries the HTTP status and the
 * stable slug for the RFC 9457 problem {@code type}; the message is a short generic sentence for
 * the problem {@code detail}.
 *
 * <p>Messages never contain image bytes, metadata values or file paths (I1, I6): they are fixed
 * strings chosen by this package, safe to log and to return to the client.
 */
public final class PhotoRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a photo was refused, with the HTTP status and problem-type slug that report it. */
    public enum Reason {
        /** No bytes at all (missing or empty multipart part). */
        EMPTY(400, "empty-photo"),
        /** More bytes than {@link PhotoLimits#maxBytes()}. */
        TOO_LARGE(413, "photo-too-large"),
        /** Not a JPEG, PNG or WebP by its magic bytes, or a variant we do not take (animated WebP). */
        UNSUPPORTED_TYPE(415, "unsupported-media-type"),
        /** The container structure is broken or truncated. */
        MALFORMED(422, "malformed-image"),
        /** Header dimensions above {@link PhotoLimits#maxPixels()} or {@link PhotoLimits#maxSide()}. */
        TOO_MANY_PIXELS(422, "image-dimensions-exceeded"),
        /** Bytes after the image's logical end (a polyglot, e.g. JPEG followed by a ZIP). */
        TRAILING_DATA(422, "trailing-data");

        private final int status;
        private final String slug;

        Reason(int status, String slug) {
            this.status = status;
            this.slug = slug;
        }

        /** The HTTP status code to answer with. */
        public int status() {
            return status;
        }

        /** The stable, URL-safe identifier of this problem type. */
        public String slug() {
            return slug;
        }
    }

    private final Reason reason;

    public PhotoRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    static PhotoRejectedException malformed(String message) {
        return new PhotoRejectedException(Reason.MALFORMED, message);
    }

    static PhotoRejectedException trailingData(String message) {
        return new PhotoRejectedException(Reason.TRAILING_DATA, message);
    }
}
