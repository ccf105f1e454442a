package dev.mensura.ingest.events;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.AuditRecord;
import dev.mensura.events.data.PhotoReceived;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes ingest's CloudEvents to Kafka, keyed by pseudonym; never carries photo bytes (I1). */
@ApplicationScoped
public class EventPublisher {
    static final String SOURCE = "/mensura/ingest-service";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<String> photoReceived;
    private final MutinyEmitter<String> audit;

    public EventPublisher(@Channel("photo-received") MutinyEmitter<String> photoReceived,
                          @Channel("audit-events") MutinyEmitter<String> audit) {
        this.photoReceived = photoReceived;
        this.audit = audit;
    }

    /**
     * Keyed by the job pseudonym. Waits for the broker's acknowledgement: a job is only accepted
     * once vision can hear of it.
     */
    public void photoReceived(PhotoReceived data, String jobPseudonym) {
        send(photoReceived, CloudEvent.of(SOURCE, EventTypes.PHOTO_RECEIVED, jobPseudonym, data))
                .await().atMost(ACK_TIMEOUT);
    }

    public Uni<Void> audit(AuditRecord record, String partitionKey) {
        return send(audit, CloudEvent.of(SOURCE, EventTypes.AUDIT_RECORDED, partitionKey, record));
    }

    private static Uni<Void> send(MutinyEmitter<String> emitter, CloudEvent<?> event) {
        return emitter.sendMessage(KafkaMessages.of(event));
    }
}
