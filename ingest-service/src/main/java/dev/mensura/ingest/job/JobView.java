package dev.mensura.ingest.job;

import java.time.Instant;
import java.util.UUID;

/** {@code GET /v1/jobs/{id}}: the job without the subject pseudonym. */
public record JobView(UUID id, String status, String stage, int progress, String message, int heightCm,
                      boolean blurFaces, Job.PhotoFacts front, Job.PhotoFacts side, Instant createdAt,
                      Instant updatedAt) {
    public static JobView of(Job job) {
        return new JobView(job.id(), job.status().slug(), job.stage(), job.progress(), job.message(),
                job.heightCm(), job.blurFaces(), job.front(), job.side(), job.createdAt(), job.updatedAt());
    }
}
