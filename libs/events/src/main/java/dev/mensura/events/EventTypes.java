package dev.mensura.events;

/** CloudEvents {@code type} attribute values, reverse-DNS as the spec recommends. */
public final class EventTypes {
    public static final String PHOTO_RECEIVED = "dev.mensura.photo.received";
    public static final String VISION_COMPLETED = "dev.mensura.vision.completed";
    public static final String VISION_FAILED = "dev.mensura.vision.failed";
    public static final String JOB_PROGRESS = "dev.mensura.job.progress";
    public static final String FITTING_COMPLETED = "dev.mensura.fitting.completed";
    public static final String AUDIT_RECORDED = "dev.mensura.audit.recorded";
    public static final String SUBJECT_ERASURE_REQUESTED = "dev.mensura.subject.erasure.requested";
    public static final String SUBJECT_ERASURE_COMPLETED = "dev.mensura.subject.erasure.completed";
    public static final String SUBJECT_EXPORT_REQUESTED = "dev.mensura.subject.export.requested";
    public static final String SUBJECT_EXPORT_PART = "dev.mensura.subject.export.part";
    public static final String SUBJECT_RESTRICTION_CHANGED = "dev.mensura.subject.restriction.changed";

    private EventTypes() {
    }
}
