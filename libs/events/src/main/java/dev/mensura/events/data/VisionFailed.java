package dev.mensura.events.data;

/** Vision could not use the photos; {@code reason} is a stable slug, never image content. */
public record VisionFailed(String jobId, String subjectPseudonym, String reason) {
}
