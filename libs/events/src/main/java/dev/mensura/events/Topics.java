package dev.mensura.events;

import java.util.List;
import java.util.stream.Stream;

/** Kafka topic names. One place, so a typo cannot create a topic nobody reads. */
public final class Topics {
    public static final String PHOTO_RECEIVED = "photo.received";
    public static final String VISION_COMPLETED = "vision.completed";
    public static final String VISION_FAILED = "vision.failed";
    public static final String JOB_PROGRESS = "job.progress";
    public static final String AUDIT_EVENTS = "audit.events";
    /** privacy-service asks every service to erase a subject (I4, I5); keyed by the subject pseudonym. */
    public static final String SUBJECT_ERASURE_REQUESTED = "subject.erasure.requested";
    /** Each service's answer to an erasure request. */
    public static final String SUBJECT_ERASURE_COMPLETED = "subject.erasure.completed";
    /** A subject restricted processing (Art. 18) or lifted the restriction; keyed by the subject pseudonym. */
    public static final String SUBJECT_RESTRICTION = "subject.restriction";

    /** Every main topic; each has a dead-letter sibling named by {@link #deadLetter(String)}. */
    public static final List<String> ALL =
            List.of(PHOTO_RECEIVED, VISION_COMPLETED, VISION_FAILED, JOB_PROGRESS, AUDIT_EVENTS,
                    SUBJECT_ERASURE_REQUESTED, SUBJECT_ERASURE_COMPLETED, SUBJECT_RESTRICTION);

    /** Main topics and their dead-letter topics, what a fresh cluster needs created. */
    public static final List<String> ALL_WITH_DEAD_LETTERS =
            Stream.concat(ALL.stream(), ALL.stream().map(Topics::deadLetter)).toList();

    /** Header the dead-letter producer sets with the reason a record could not be handled. */
    public static final String DEAD_LETTER_REASON_HEADER = "dead-letter-reason";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
