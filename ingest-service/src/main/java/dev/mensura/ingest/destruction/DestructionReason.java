package dev.mensura.ingest.destruction;

/** Why a photo was destroyed; the slug goes into the audit event and the metric tag. */
public enum DestructionReason {
    HANDED_OVER("handed-over"),
    VISION_COMPLETED("vision-completed"),
    VISION_FAILED("vision-failed"),
    LIFETIME_EXCEEDED("lifetime-exceeded"),
    REJECTED("rejected"),
    CRASH_SWEEP("crash-sweep"),
    SHUTDOWN("shutdown"),
    SUBJECT_ERASED("subject-erased"),
    PROCESSING_RESTRICTED("processing-restricted");

    private final String slug;

    DestructionReason(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
