package dev.mensura.privacy.dsr;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.AuditRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/** Every step of a data-subject request is an audit event: pseudonyms, ids and counts only (I6). */
@ApplicationScoped
public class DsrAudit {
    private static final Logger LOG = Logger.getLogger(DsrAudit.class);
    public static final String SOURCE = "/mensura/privacy-service";
    static final String ACTOR = "privacy-service";

    private final MutinyEmitter<String> audit;

    public DsrAudit(@Channel("audit-events") MutinyEmitter<String> audit) {
        this.audit = audit;
    }

    /** privacy-service did {@code action} on the request. A broker outage is logged, not fatal to the request. */
    public Uni<Void> record(String action, DsrRequest request, Map<String, Object> details) {
        return send(ACTOR, action, request, details).onFailure().recoverWithItem(failure -> {
            LOG.errorf("audit event not published: %s", failure.getClass().getSimpleName());
            return null;
        });
    }

    /** A retention purge of a category (Art. 5(1)(e)): counts only. */
    public Uni<Void> recordPurge(String category, long rows, long olderThanDays) {
        var entry = new AuditRecord(Instant.now(), ACTOR, "retention.purged", "category:" + category, "success", null,
                Map.of("category", category, "rows", rows, "olderThanDays", olderThanDays));
        return audit.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.AUDIT_RECORDED,
                "retention-" + category, entry)));
    }

    /** An officer acted for a subject on a recorded request: who (pseudonym) and which request reference. */
    public Uni<Void> recordOfficer(String action, DsrRequest request, String officerPseudonym, String reference) {
        return send("officer:" + officerPseudonym, action, request, Map.of("reference", reference));
    }

    private Uni<Void> send(String actor, String action, DsrRequest request, Map<String, Object> details) {
        var entry = new AuditRecord(Instant.now(), actor, action,
                "subject:" + request.subjectPseudonym + "/dsr:" + request.id, "success", request.id.toString(), details);
        return audit.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.AUDIT_RECORDED,
                request.subjectPseudonym, entry)));
    }

    /** A pending step for {@code service}. */
    public static DsrStep pendingStep(DsrRequest request, String service) {
        DsrStep step = new DsrStep();
        step.key = new DsrStep.Key(request.id, service);
        step.status = DsrRequest.PENDING;
        return step;
    }
}
