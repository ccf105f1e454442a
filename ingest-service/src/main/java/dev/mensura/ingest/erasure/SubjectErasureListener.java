package dev.mensura.ingest.erasure;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.ErasureCompleted;
import dev.mensura.events.data.ErasureRequested;
import dev.mensura.ingest.destruction.DestructionReason;
import dev.mensura.ingest.destruction.PhotoDestroyer;
import dev.mensura.ingest.handover.HandoverTokens;
import dev.mensura.ingest.job.JobRepository;
import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * ingest's part of an erasure (I4, I5): the subject's photos destroyed and their hand-overs
 * revoked, its job rows deleted, its key dropped from the cache; then the answer to
 * privacy-service. Every pod hears every request (its own consumer group), since photos are
 * pod-local; handling a request again finds nothing and answers again, which is harmless.
 */
@ApplicationScoped
public class SubjectErasureListener {
    static final String SERVICE = "ingest-service";
    private static final String SOURCE = "/mensura/ingest-service";

    private final JobRepository jobs;
    private final PhotoVault vault;
    private final PhotoDestroyer destroyer;
    private final HandoverTokens tokens;
    private final SubjectCrypto crypto;
    private final MutinyEmitter<String> answers;

    public SubjectErasureListener(JobRepository jobs, PhotoVault vault, PhotoDestroyer destroyer, HandoverTokens tokens,
                                  SubjectCrypto crypto, @Channel("erasure-completed") MutinyEmitter<String> answers) {
        this.jobs = jobs;
        this.vault = vault;
        this.destroyer = destroyer;
        this.tokens = tokens;
        this.crypto = crypto;
        this.answers = answers;
    }

    @Incoming("erasure-requested")
    @Blocking
    public void erase(String record) {
        ErasureRequested request = EventCodec.decode(record, ErasureRequested.class,
                EventTypes.SUBJECT_ERASURE_REQUESTED).data();
        String subject = request.subjectPseudonym();
        crypto.forget(subject);
        List<UUID> jobIds = jobs.jobIdsOf(subject).await().atMost(Duration.ofSeconds(10));
        for (UUID job : jobIds) {
            vault.photosOf(job).forEach(photo -> tokens.revokeFor(photo.id()));
            destroyer.destroyJob(job, DestructionReason.SUBJECT_ERASED);
        }
        long deleted = jobs.deleteAllOf(subject).await().atMost(Duration.ofSeconds(10));
        answers.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.SUBJECT_ERASURE_COMPLETED, subject,
                new ErasureCompleted(request.requestId(), subject, SERVICE, deleted))))
                .await().atMost(Duration.ofSeconds(10));
    }
}
