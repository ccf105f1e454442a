package dev.mensura.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Appends every service's audit events from {@code audit.events}. The CloudEvent id is the
 * entry's event id, so redelivery after a crash appends nothing twice. A record the policy
 * refuses goes to {@code audit.events.dlq} with the reason, and is counted.
 */
@ApplicationScoped
public class AuditEventsConsumer {
    private final AuditLog log;

    public AuditEventsConsumer(AuditLog log) {
        this.log = log;
    }

    @Incoming("audit-events")
    @Blocking
    public void append(String record) {
        CloudEvent<JsonNode> event = EventCodec.decode(record, JsonNode.class, EventTypes.AUDIT_RECORDED);
        try {
            log.append(EntryPolicy.accept(event.id(), event.source(), event.data()));
        } catch (EntryRejectedException e) {
            log.rejected("kafka");
            throw e;
        }
    }
}
