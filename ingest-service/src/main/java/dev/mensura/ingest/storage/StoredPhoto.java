package dev.mensura.ingest.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** A stripped photo held in the RAM upload directory. The path never leaves this package's callers' memory (I6). */
public record StoredPhoto(String id, UUID jobId, String view, Path file, long sizeBytes, Instant storedAt) {
}
