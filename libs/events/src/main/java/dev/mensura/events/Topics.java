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

    /** Every main topic; each has a dead-letter sibling named by {@link #deadLetter(String)}. */
    public static final List<String> ALL =
            List.of(PHOTO_RECEIVED, VISION_COMPLETED, VISION_FAILED, JOB_PROGRESS, AUDIT_EVENTS);

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
