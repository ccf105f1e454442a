package dev.mensura.ingest.job;

import java.time.Instant;
import java.util.UUID;

/** A job's row. {@code subjectPseudonym} decides who may see it. */
public record Job(
        UUID id,
        String subjectPseudonym,
        JobStatus status,
        String stage,
        int progress,
        String message,
        int heightCm,
        boolean blurFaces,
        PhotoFacts front,
        PhotoFacts side,
        Instant createdAt,
        Instant updatedAt) {

    /** The non-identifying values read from a photo's metadata before it was stripped (I3). */
    public record PhotoFacts(int orientation, Integer focalLength35mm) {
    }

    public ProgressMessage progressMessage() {
        return new ProgressMessage(stage, progress, message, status.slug());
    }
}
