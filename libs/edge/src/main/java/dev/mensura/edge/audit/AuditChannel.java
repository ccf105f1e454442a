package dev.mensura.edge.audit;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.AuditRecord;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/** The service's audit topic, as {@link AccessAudit} writes to it: without waiting, never failing the request. */
@ApplicationScoped
public class AuditChannel {
    private static final Logger LOG = Logger.getLogger(AuditChannel.class);

    private final MutinyEmitter<String> audit;
    private final String source;

    public AuditChannel(@Channel("access-audit") MutinyEmitter<String> audit,
                        @ConfigProperty(name = "quarkus.application.name") String service) {
        this.audit = audit;
        this.source = "/mensura/" + service;
    }

    void send(AuditRecord record, String partitionKey) {
        audit.sendMessage(KafkaMessages.of(CloudEvent.of(source, EventTypes.AUDIT_RECORDED, partitionKey, record)))
                .subscribe().with(ok -> { }, failure -> LOG.warnf("an access audit entry was not sent (%s)",
                        failure.getClass().getName()));
    }
}
