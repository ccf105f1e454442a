package dev.mensura.ingest.capacity;

import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.problem.Problem;
import dev.mensura.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Back-pressure: at most N jobs hold photos in this pod and their bytes stay within the RAM
 * budget of the upload directory. Beyond that a client is told to come back (429), and nothing
 * is stored. Uploads in flight reserve their share first so two of them cannot both squeeze in.
 */
@ApplicationScoped
public class UploadCapacity {
    private final PhotoVault vault;
    private final int maxJobs;
    private final long budgetBytes;
    private final int retryAfterSeconds;
    private int reservedJobs;
    private long reservedBytes;

    public UploadCapacity(PhotoVault vault,
                          @ConfigProperty(name = "mensura.ingest.max-jobs-holding-photos", defaultValue = "10") int maxJobs,
                          @ConfigProperty(name = "mensura.ingest.upload-budget-bytes", defaultValue = "335544320") long budgetBytes,
                          @ConfigProperty(name = "mensura.ingest.retry-after-seconds", defaultValue = "30") int retryAfterSeconds) {
        this.vault = vault;
        this.maxJobs = maxJobs;
        this.budgetBytes = budgetBytes;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Reserves room for one job of up to {@code bytes}; close the reservation when the photos are stored or dropped. */
    public synchronized Reservation reserve(long bytes) {
        if (vault.jobsHoldingPhotos() + reservedJobs >= maxJobs || vault.bytesHeld() + reservedBytes + bytes > budgetBytes) {
            throw new ProblemException(Problem.of("capacity-exhausted", "Too many photos in processing", 429,
                    "This node holds as many photos as its memory budget allows; nothing was stored. Retry later."),
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        }
        reservedJobs++;
        reservedBytes += bytes;
        return new Reservation(bytes);
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    public final class Reservation implements AutoCloseable {
        private final long bytes;
        private boolean open = true;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            synchronized (UploadCapacity.this) {
                if (open) {
                    open = false;
                    reservedJobs--;
                    reservedBytes -= bytes;
                }
            }
        }
    }
}
