package dev.mensura.events.data;

/**
 * Vision could not use the photos; {@code reason} is a stable slug (no-person, body-cut-off …),
 * {@code view} the photo it concerns (front or side, null when not one photo's fault) and
 * {@code message} a fixed sentence telling the person what to retake. Never image content.
 */
public record VisionFailed(String jobId, String subjectPseudonym, String reason, String view, String message) {

    public VisionFailed(String jobId, String subjectPseudonym, String reason) {
        this(jobId, subjectPseudonym, reason, null, null);
    }
}
