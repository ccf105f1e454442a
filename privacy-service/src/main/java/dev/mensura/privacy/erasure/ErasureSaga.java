package dev.mensura.privacy.erasure;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.AuditRecord;
import dev.mensura.events.data.ErasureCompleted;
import dev.mensura.events.data.ErasureRequested;
import dev.mensura.privacy.consent.Subject;
import dev.mensura.privacy.keys.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Erasure as a saga (Art. 17, I4, I5). privacy-service destroys the subject's key first
 * (crypto-shredding: every copy of the subject's data anywhere becomes unreadable at once),
 * deletes its own rows, then asks every participating service over Kafka to delete what it
 * holds, and repeats the question until each has answered. Every step is an audit event.
 * Starting it twice for a subject with a pending request returns that request.
 */
@ApplicationScoped
public class ErasureSaga {
    private static final Logger LOG = Logger.getLogger(ErasureSaga.class);
    static final String SOURCE = "/mensura/privacy-service";
    static final String ACTOR = "privacy-service";
    public static final String TYPE = "erasure";

    private final SubjectKeys keys;
    private final MutinyEmitter<String> requests;
    private final MutinyEmitter<String> audit;
    private final List<String> participants;

    public ErasureSaga(SubjectKeys keys,
                       @Channel("erasure-requested") MutinyEmitter<String> requests,
                       @Channel("audit-events") MutinyEmitter<String> audit,
                       @ConfigProperty(name = "mensura.privacy.erasure.participants") List<String> participants) {
        this.keys = keys;
        this.requests = requests;
        this.audit = audit;
        this.participants = participants;
    }

    public Uni<DsrRequest> start(String subjectPseudonym, String reason) {
        return Panache.withTransaction(() -> DsrRequest.<DsrRequest>find(
                        "subjectPseudonym = ?1 and type = ?2 and status = ?3", subjectPseudonym, TYPE, DsrRequest.PENDING)
                .firstResult()
                .chain(pending -> pending != null ? Uni.createFrom().item(pending) : begin(subjectPseudonym, reason)))
                .call(this::ask);
    }

    private Uni<DsrRequest> begin(String subjectPseudonym, String reason) {
        Instant now = Instant.now();
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.subjectPseudonym = subjectPseudonym;
        request.type = TYPE;
        request.reason = reason;
        request.status = participants.isEmpty() ? DsrRequest.COMPLETED : DsrRequest.PENDING;
        request.requestedAt = now;
        request.completedAt = participants.isEmpty() ? now : null;
        return keys.destroy(subjectPseudonym)
                .call(destroyed -> record("subject.key.destroyed", request, Map.of("keyExisted", destroyed)))
                // The subject row cascades to consents, their history and the wrapped key.
                .chain(() -> Subject.delete("pseudonym", subjectPseudonym))
                .chain(() -> request.persist())
                .chain(() -> Uni.join().all(participants.stream().map(service -> step(request, service).persist())
                        .toList()).andFailFast())
                .call(() -> record("subject.erasure.requested", request, Map.of("reason", reason)))
                .replaceWith(request);
    }

    /** Publishes the request (again); the retry timer calls this until every service has answered. */
    public Uni<Void> ask(DsrRequest request) {
        if (!DsrRequest.PENDING.equals(request.status)) {
            return Uni.createFrom().voidItem();
        }
        var event = CloudEvent.of(SOURCE, EventTypes.SUBJECT_ERASURE_REQUESTED, request.subjectPseudonym,
                new ErasureRequested(request.id.toString(), request.subjectPseudonym, request.reason));
        return requests.sendMessage(KafkaMessages.of(event))
                .chain(() -> Panache.withTransaction(() -> DsrRequest.update(
                        "lastSentAt = ?1 where id = ?2", Instant.now(), request.id)))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("erasure request not published yet, the retry will: %s", failure.getClass().getSimpleName());
                    return null;
                });
    }

    /** A service's answer: its step completes; the last answer completes the request. Replays change nothing. */
    public Uni<Void> answered(ErasureCompleted answer) {
        UUID requestId;
        try {
            requestId = UUID.fromString(answer.requestId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> DsrStep.<DsrStep>findById(new DsrStep.Key(requestId, answer.service()))
                .chain(step -> {
                    if (step == null || DsrRequest.COMPLETED.equals(step.status)) {
                        return Uni.createFrom().voidItem();
                    }
                    step.status = DsrRequest.COMPLETED;
                    step.itemsDeleted = answer.itemsDeleted();
                    step.answeredAt = Instant.now();
                    return DsrRequest.<DsrRequest>findById(requestId)
                            .call(request -> record("subject.erasure.step-completed", request,
                                    Map.of("service", answer.service(), "itemsDeleted", answer.itemsDeleted())))
                            .call(Panache::flush)
                            .call(() -> DsrStep.count("key.requestId = ?1 and status <> ?2", requestId, DsrRequest.COMPLETED)
                                    .chain(open -> open > 0 ? Uni.createFrom().voidItem() : complete(requestId)))
                            .replaceWithVoid();
                }));
    }

    private Uni<Void> complete(UUID requestId) {
        return DsrRequest.<DsrRequest>findById(requestId).chain(request -> {
            request.status = DsrRequest.COMPLETED;
            request.completedAt = Instant.now();
            return record("subject.erasure.completed", request, Map.of());
        });
    }

    /** An officer acted for a subject on a recorded request: who (pseudonym) and which request reference. */
    public Uni<Void> recordOfficerAction(DsrRequest request, String officerPseudonym, String reference) {
        var entry = new AuditRecord(Instant.now(), "officer:" + officerPseudonym, "subject.erasure.officer-requested",
                "subject:" + request.subjectPseudonym + "/dsr:" + request.id, "success", request.id.toString(),
                Map.of("reference", reference));
        return audit.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.AUDIT_RECORDED,
                request.subjectPseudonym, entry)));
    }

    public List<String> participants() {
        return participants;
    }

    private static DsrStep step(DsrRequest request, String service) {
        DsrStep step = new DsrStep();
        step.key = new DsrStep.Key(request.id, service);
        step.status = DsrRequest.PENDING;
        return step;
    }

    /** Audit entries carry pseudonyms, ids and counts only (I6). */
    private Uni<Void> record(String action, DsrRequest request, Map<String, Object> details) {
        var entry = new AuditRecord(Instant.now(), ACTOR, action,
                "subject:" + request.subjectPseudonym + "/dsr:" + request.id, "success", request.id.toString(), details);
        return audit.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.AUDIT_RECORDED,
                        request.subjectPseudonym, entry)))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("audit event not published: %s", failure.getClass().getSimpleName());
                    return null;
                });
    }
}
