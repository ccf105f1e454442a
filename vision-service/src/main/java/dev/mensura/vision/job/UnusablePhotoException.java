package dev.mensura.vision.job;

/** A photo vision cannot use for a reason that is not a quality check: a stable slug, no content. */
class UnusablePhotoException extends RuntimeException {
    private final String reason;

    UnusablePhotoException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
