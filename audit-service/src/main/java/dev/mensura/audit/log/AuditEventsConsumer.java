package dev.mensura.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.InvalidEventException;
import dev.mensura.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Appends every service's audit events from {@code audit.events}, a polled batch at a time in one
 * transaction. The CloudEvent id is the entry's event id, so redelivery after a crash appends
 * nothing twice. Records the policy refuses go on to {@code audit.events.dlq} with the reason
 * (and are counted); the rest of their batch is appended.
 */
@ApplicationScoped
public class AuditEventsConsumer {
    private final AuditLog log;
    private final Emitter<String> deadLetters;

    public AuditEventsConsumer(AuditLog log, @Channel("audit-events-refused") Emitter<String> deadLetters) {
        this.log = log;
        this.deadLetters = deadLetters;
    }

    @Incoming("audit-events")
    @Blocking
    public void append(List<String> records) {
        List<AuditEntry> accepted = new ArrayList<>(records.size());
        for (String record : records) {
            try {
                CloudEvent<JsonNode> event = EventCodec.decode(record, JsonNode.class, EventTypes.AUDIT_RECORDED);
                accepted.add(EntryPolicy.accept(event.id(), event.source(), event.data()));
            } catch (EntryRejectedException e) {
                refuse(record, e.problem().detail());
            } catch (InvalidEventException e) {
                refuse(record, "not an audit CloudEvent");
            }
        }
        log.appendAll(accepted);
    }

    private void refuse(String record, String reason) {
        log.rejected("kafka");
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DEAD_LETTER_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        deadLetters.send(Message.of(record).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withHeaders(headers).build()));
    }
}
