package dev.mensura.privacy.erasure;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.ErasureCompleted;
import dev.mensura.events.data.ErasureRequested;
import dev.mensura.privacy.consent.Subject;
import dev.mensura.privacy.dsr.DsrAudit;
import dev.mensura.privacy.dsr.DsrRequest;
import dev.mensura.privacy.dsr.DsrSaga;
import dev.mensura.privacy.dsr.DsrStep;
import dev.mensura.privacy.export.ExportPartRow;
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
public class ErasureSaga implements DsrSaga {
    private static final Logger LOG = Logger.getLogger(ErasureSaga.class);
    public static final String TYPE = "erasure";

    private final SubjectKeys keys;
    private final MutinyEmitter<String> requests;
    private final DsrAudit audit;
    private final List<String> participants;

    public ErasureSaga(SubjectKeys keys, @Channel("erasure-requested") MutinyEmitter<String> requests, DsrAudit audit,
                       @ConfigProperty(name = "mensura.privacy.erasure.participants") List<String> participants) {
        this.keys = keys;
        this.requests = requests;
        this.audit = audit;
        this.participants = participants;
    }

    public Uni<DsrRequest> start(String subjectPseudonym, String reason) {
        return Panache.withTransaction(() -> DsrRequest.pendingOf(subjectPseudonym, TYPE)
                .chain(pending -> pending != null ? Uni.createFrom().item(pending) : begin(subjectPseudonym, reason)))
                .call(this::ask);
    }

    private Uni<DsrRequest> begin(String subjectPseudonym, String reason) {
        DsrRequest request = DsrRequest.open(subjectPseudonym, TYPE, reason, participants);
        return keys.destroy(subjectPseudonym)
                .call(destroyed -> audit.record("subject.key.destroyed", request, Map.of("keyExisted", destroyed)))
                // The subject row cascades to consents, their history and the wrapped key.
                .chain(() -> Subject.delete("pseudonym", subjectPseudonym))
                // Exports hold copies of everything; the requests themselves stay as the proof.
                .chain(() -> ExportPartRow.delete("key.requestId in (select r.id from DsrRequest r "
                        + "where r.subjectPseudonym = ?1)", subjectPseudonym))
                .chain(() -> request.persistWithSteps(participants))
                .call(() -> audit.record("subject.erasure.requested", request, Map.of("reason", reason)));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Publishes the request (again); the retry timer calls this until every service has answered. */
    @Override
    public Uni<Void> ask(DsrRequest request) {
        if (!DsrRequest.PENDING.equals(request.status)) {
            return Uni.createFrom().voidItem();
        }
        var event = CloudEvent.of(DsrAudit.SOURCE, EventTypes.SUBJECT_ERASURE_REQUESTED, request.subjectPseudonym,
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
                    step.items = answer.itemsDeleted();
                    step.answeredAt = Instant.now();
                    return DsrRequest.<DsrRequest>findById(requestId)
                            .call(request -> audit.record("subject.erasure.step-completed", request,
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
            return audit.record("subject.erasure.completed", request, Map.of());
        });
    }

    public List<String> participants() {
        return participants;
    }
}
