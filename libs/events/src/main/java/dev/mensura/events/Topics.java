package dev.mensura.events;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Kafka topic names. One place, so a typo cannot create a topic nobody reads. */
public final class Topics {
    public static final String PHOTO_RECEIVED = "photo.received";
    public static final String VISION_COMPLETED = "vision.completed";
    public static final String VISION_FAILED = "vision.failed";
    public static final String JOB_PROGRESS = "job.progress";
    /** fitting has measured a job's body (or could not); keyed by the subject pseudonym. */
    public static final String FITTING_COMPLETED = "fitting.completed";
    public static final String AUDIT_EVENTS = "audit.events";
    /** privacy-service asks every service to erase a subject (I4, I5); keyed by the subject pseudonym. */
    public static final String SUBJECT_ERASURE_REQUESTED = "subject.erasure.requested";
    /** Each service's answer to an erasure request. */
    public static final String SUBJECT_ERASURE_COMPLETED = "subject.erasure.completed";
    /** privacy-service asks every service for what it holds about a subject (Art. 15, 20); keyed by the pseudonym. */
    public static final String SUBJECT_EXPORT_REQUESTED = "subject.export.requested";
    /** Each service's answer to an export request: one record per part, the content sealed with the subject's key. */
    public static final String SUBJECT_EXPORT_COMPLETED = "subject.export.completed";
    /** A subject restricted processing (Art. 18) or lifted the restriction; keyed by the subject pseudonym. */
    public static final String SUBJECT_RESTRICTION = "subject.restriction";

    /** Every main topic; each has a dead-letter sibling named by {@link #deadLetter(String)}. */
    public static final List<String> ALL =
            List.of(PHOTO_RECEIVED, VISION_COMPLETED, VISION_FAILED, JOB_PROGRESS, FITTING_COMPLETED, AUDIT_EVENTS,
                    SUBJECT_ERASURE_REQUESTED, SUBJECT_ERASURE_COMPLETED, SUBJECT_EXPORT_REQUESTED,
                    SUBJECT_EXPORT_COMPLETED, SUBJECT_RESTRICTION);

    /** Main topics and their dead-letter topics, what a fresh cluster needs created. */
    public static final List<String> ALL_WITH_DEAD_LETTERS =
            Stream.concat(ALL.stream(), ALL.stream().map(Topics::deadLetter)).toList();

    /** Header the dead-letter producer sets with the reason a record could not be handled. */
    public static final String DEAD_LETTER_REASON_HEADER = "dead-letter-reason";

    /** Records on the export answer topic may carry a body model (.glb). */
    public static final int EXPORT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /** Topic settings that differ from the broker's defaults; operators create topics with these too. */
    public static Map<String, String> configOf(String topic) {
        if (SUBJECT_EXPORT_COMPLETED.equals(topic) || deadLetter(SUBJECT_EXPORT_COMPLETED).equals(topic)) {
            return Map.of("max.message.bytes", Integer.toString(EXPORT_MAX_MESSAGE_BYTES));
        }
        return Map.of();
    }

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
