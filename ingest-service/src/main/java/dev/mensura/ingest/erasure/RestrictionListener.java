package dev.mensura.ingest.erasure;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.data.RestrictionChanged;
import dev.mensura.ingest.consent.ConsentGate;
import dev.mensura.ingest.destruction.DestructionReason;
import dev.mensura.ingest.destruction.PhotoDestroyer;
import dev.mensura.ingest.handover.HandoverTokens;
import dev.mensura.ingest.job.JobRepository;
import dev.mensura.ingest.job.JobStatus;
import dev.mensura.ingest.storage.PhotoVault;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Restriction of processing (Art. 18) reaches queued work: the subject's unfinished jobs stop,
 * their photos are destroyed and their hand-overs revoked. New uploads are refused at the
 * consent check. Every pod hears it (photos are pod-local).
 */
@ApplicationScoped
public class RestrictionListener {
    private final JobRepository jobs;
    private final PhotoVault vault;
    private final PhotoDestroyer destroyer;
    private final HandoverTokens tokens;
    private final ConsentGate consent;

    public RestrictionListener(JobRepository jobs, PhotoVault vault, PhotoDestroyer destroyer, HandoverTokens tokens,
                               ConsentGate consent) {
        this.consent = consent;
        this.jobs = jobs;
        this.vault = vault;
        this.destroyer = destroyer;
        this.tokens = tokens;
    }

    @Incoming("restriction-changed")
    @Blocking
    public void changed(String record) {
        RestrictionChanged change = EventCodec.decode(record, RestrictionChanged.class,
                EventTypes.SUBJECT_RESTRICTION_CHANGED).data();
        // Replays of old events (every pod reads from the start) act only if the restriction still holds.
        if (!change.restricted() || !consent.restrictedNow(change.subjectPseudonym())) {
            return;
        }
        for (UUID job : jobs.openJobIdsOf(change.subjectPseudonym()).await().atMost(Duration.ofSeconds(10))) {
            vault.photosOf(job).forEach(photo -> tokens.revokeFor(photo.id()));
            destroyer.destroyJob(job, DestructionReason.PROCESSING_RESTRICTED);
            jobs.updateProgress(job, JobStatus.FAILED, "failed", 100,
                    "Stopped because you restricted processing; the photos have been destroyed")
                    .await().atMost(Duration.ofSeconds(10));
        }
    }
}
