package dev.mensura.ingest.job;

/** What progress streams carry: stage, 0–100, a short message, the status. Never image data. */
public record ProgressMessage(String stage, int progress, String message, String status) {
}
