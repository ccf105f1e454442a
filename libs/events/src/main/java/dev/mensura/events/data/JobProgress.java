package dev.mensura.events.data;

/** What a client sees of a job's progress: stage, 0–100, a short human message. Never image data. */
public record JobProgress(String jobId, String subjectPseudonym, String stage, int progress, String message) {
}
