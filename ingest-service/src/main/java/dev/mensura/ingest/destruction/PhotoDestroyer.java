package dev.mensura.ingest.destruction;

import dev.mensura.ingest.storage.PhotoFileName;

import dev.mensura.events.data.AuditRecord;
import dev.mensura.ingest.events.EventPublisher;
import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.ingest.storage.StoredPhoto;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Destroys photos (I2): zero-overwrite, flush, unlink, verify gone, then one audit event per
 * photo with the job pseudonym, size, lifetime and reason. Idempotent: a photo already
 * destroyed by another path is skipped.
 */
@ApplicationScoped
public class PhotoDestroyer {
    private static final Logger LOG = Logger.getLogger(PhotoDestroyer.class);
    public static final String ACTOR = "ingest-service";

    private final PhotoVault vault;
    private final EventPublisher events;
    private final Pseudonymizer pseudonyms;
    private final MeterRegistry registry;
    private final Counter received;
    private final Clock clock = Clock.systemUTC();

    public PhotoDestroyer(PhotoVault vault, EventPublisher events, Pseudonymizer pseudonyms, MeterRegistry registry) {
        this.vault = vault;
        this.events = events;
        this.pseudonyms = pseudonyms;
        this.registry = registry;
        this.received = Counter.builder("photos.received").description("Photos stored in the RAM upload directory")
                .register(registry);
    }

    /**
     * Counts and audits a photo as received; the mirror of {@link #destroy}. The entry names the
     * subject by pseudonym, which is how the audit log knows whose destruction receipt it is.
     */
    public void received(StoredPhoto photo, String subjectPseudonym) {
        received.increment();
        audit("photo.received", photo.jobId(), photo.view(), "success",
                Map.of("sizeBytes", photo.sizeBytes(), "subject", subjectPseudonym));
    }

    public void destroyJob(UUID jobId, DestructionReason reason) {
        vault.photosOf(jobId).forEach(photo -> destroy(photo, reason));
    }

    public void destroy(StoredPhoto photo, DestructionReason reason) {
        try {
            vault.wipe(photo.id()).ifPresent(wiped -> destroyed(wiped, reason));
        } catch (IOException e) {
            // Still tracked nowhere, but the file may remain: the sweep retries; operators get a metric.
            registry.counter("photos.destruction.failures").increment();
            LOG.errorf("photo destruction failed (%s): %s", reason.slug(), e.getClass().getSimpleName());
            audit("photo.destroyed", photo.jobId(), photo.view(), "failure", Map.of("reason", reason.slug()));
        }
    }

    /** Counts and audits a photo whose file was wiped (by {@link #destroy} or a hand-over). */
    public void destroyed(PhotoVault.Wiped wiped, DestructionReason reason) {
        StoredPhoto photo = wiped.photo();
        long lifetimeMs = Duration.between(photo.storedAt(), Instant.now(clock)).toMillis();
        registry.counter("photos.destroyed", "reason", reason.slug()).increment();
        audit("photo.destroyed", photo.jobId(), photo.view(), "success", Map.of(
                "sizeBytes", wiped.bytesOverwritten(), "lifetimeMs", lifetimeMs, "reason", reason.slug()));
    }

    /**
     * A file found in the upload directory that no job tracks (left by a crash or a failed write):
     * wiped and audited, under its job's pseudonym and view when its name carries them, so that the
     * job's receipt accounts for it.
     */
    public void destroyLeftover(java.nio.file.Path file) {
        try {
            Instant modified = java.nio.file.Files.getLastModifiedTime(file).toInstant();
            var label = PhotoFileName.parse(file.getFileName().toString());
            var result = dev.mensura.privacykit.destruction.SecureDestruction.destroy(file);
            long lifetimeMs = Duration.between(modified, Instant.now(clock)).toMillis();
            registry.counter("photos.destroyed", "reason", DestructionReason.CRASH_SWEEP.slug()).increment();
            Map<String, Object> details = Map.of("sizeBytes", result.bytesOverwritten(), "lifetimeMs", lifetimeMs,
                    "reason", DestructionReason.CRASH_SWEEP.slug());
            if (label.isPresent()) {
                auditPhoto("photo.destroyed", label.get().jobPseudonym(), label.get().view(), "success", details);
            } else {
                publish(new AuditRecord(Instant.now(clock), ACTOR, "photo.destroyed", "photo:unknown-job", "success",
                        null, details), "ingest-sweep");
            }
        } catch (IOException e) {
            registry.counter("photos.destruction.failures").increment();
            LOG.errorf("leftover photo could not be destroyed: %s", e.getClass().getSimpleName());
        }
    }

    public String jobPseudonym(UUID jobId) {
        return pseudonyms.pseudonym("job", jobId.toString());
    }

    private void audit(String action, UUID jobId, String view, String outcome, Map<String, Object> details) {
        auditPhoto(action, jobPseudonym(jobId), view, outcome, details);
    }

    /** One photo's entry, keyed and named by its job's pseudonym: how the job's receipt finds it. */
    private void auditPhoto(String action, String job, String view, String outcome, Map<String, Object> details) {
        publish(new AuditRecord(Instant.now(clock), ACTOR, action, "job:" + job + "/photo:" + view, outcome, job,
                details), job);
    }

    private void publish(AuditRecord record, String key) {
        events.audit(record, key).subscribe().with(ok -> { }, failure -> {
            registry.counter("audit.publish.failures").increment();
            LOG.errorf("audit event not published: %s", failure.getClass().getSimpleName());
        });
    }
}
