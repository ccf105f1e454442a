package dev.mensura.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.InvalidEventException;
import dev.mensura.events.Topics;
import io.quarkus.logging.Log;
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
    /** Under the consumer's max.poll.interval.ms (5 min), so the group does not take the partitions away meanwhile. */
    static final java.time.Duration APPEND_PATIENCE = java.time.Duration.ofMinutes(4);

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
        appendPatiently(accepted);
    }

    /**
     * A database outage (a PostgreSQL restart) must not stop the log: before, the failed batch was
     * nacked, the channel stopped ("fail-stop") and audit stayed unready until restarted by hand.
     * The batch is tried again, backing off, for up to {@link #APPEND_PATIENCE}, while its offsets
     * stay uncommitted; appending is idempotent by event id. Past that, the failure stands.
     */
    private void appendPatiently(List<AuditEntry> entries) {
        long deadline = System.nanoTime() + APPEND_PATIENCE.toNanos();
        long backoffMs = 250;
        while (true) {
            try {
                log.appendAll(entries);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + backoffMs * 1_000_000 > deadline) {
                    throw e;
                }
                Log.warnf("audit batch of %d not appended (%s); trying again in %d ms", entries.size(),
                        e.getClass().getSimpleName(), backoffMs);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    private void refuse(String record, String reason) {
        log.rejected("kafka");
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DEAD_LETTER_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        deadLetters.send(Message.of(record).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withHeaders(headers).build()));
    }
}
