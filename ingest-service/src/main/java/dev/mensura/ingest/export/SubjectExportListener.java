package dev.mensura.ingest.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.ExportPart;
import dev.mensura.events.data.ExportRequested;
import dev.mensura.ingest.job.Job;
import dev.mensura.ingest.job.JobRepository;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.crypto.SubjectErasedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * ingest's answer to an export request (Art. 15, 20): the subject's job history as one JSON part,
 * sealed with the subject's key for the trip over Kafka (I5). Job rows live in the shared
 * database, so one pod answers (one consumer group); a replayed request is answered again, which
 * privacy-service ignores.
 */
@ApplicationScoped
public class SubjectExportListener {
    private static final String SOURCE = "/mensura/ingest-service";

    private final JobRepository jobs;
    private final SubjectCrypto crypto;
    private final ObjectMapper json;
    private final MutinyEmitter<String> parts;

    public SubjectExportListener(JobRepository jobs, SubjectCrypto crypto, ObjectMapper json,
                                 @Channel("export-completed") MutinyEmitter<String> parts) {
        this.jobs = jobs;
        this.crypto = crypto;
        this.json = json;
        this.parts = parts;
    }

    /** A job as its subject reads it in the export: what ran, when, with which options; never a photo. */
    public record ExportedJob(UUID id, String status, String stage, int progress, String message, int statedHeightCm,
                              boolean blurFaces, Job.PhotoFacts front, Job.PhotoFacts side, Instant createdAt,
                              Instant updatedAt) {
        static ExportedJob of(Job job) {
            return new ExportedJob(job.id(), job.status().slug(), job.stage(), job.progress(), job.message(),
                    job.heightCm(), job.blurFaces(), job.front(), job.side(), job.createdAt(), job.updatedAt());
        }
    }

    @Incoming("export-requested")
    @Blocking
    public void export(String record) throws JsonProcessingException {
        ExportRequested request = EventCodec.decode(record, ExportRequested.class,
                EventTypes.SUBJECT_EXPORT_REQUESTED).data();
        String subject = request.subjectPseudonym();
        ExportPart part;
        try {
            List<ExportedJob> held = jobs.findAllOf(subject).await().atMost(Duration.ofSeconds(10))
                    .stream().map(ExportedJob::of).toList();
            part = held.isEmpty() ? ExportPart.nothingHeld(request.requestId(), subject, IngestExport.SERVICE)
                    : new ExportPart(request.requestId(), subject, IngestExport.SERVICE, 0, 1, IngestExport.JOBS,
                            "application/json", Base64.getEncoder().encodeToString(crypto.encrypt(subject,
                                    ExportPart.PLACE, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(held))));
        } catch (SubjectErasedException e) {
            // Erased meanwhile: nothing readable is left to export, and the rows are being deleted.
            part = ExportPart.nothingHeld(request.requestId(), subject, IngestExport.SERVICE);
        }
        parts.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.SUBJECT_EXPORT_PART, subject, part)))
                .await().atMost(Duration.ofSeconds(10));
    }
}
