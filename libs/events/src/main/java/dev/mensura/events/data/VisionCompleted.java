package dev.mensura.events.data;

/**
 * Vision has read both photos. The vision issue adds the landmark and silhouette features;
 * consumers ignore fields they do not know.
 */
public record VisionCompleted(String jobId, String subjectPseudonym) {
}
