package dev.mensura.privacy.export;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.ExportPart;
import dev.mensura.events.data.ExportRequested;
import dev.mensura.privacy.dsr.DsrAudit;
import dev.mensura.privacy.dsr.DsrRequest;
import dev.mensura.privacy.dsr.DsrSaga;
import dev.mensura.privacy.dsr.DsrStep;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Access and portability (Art. 15, 20) as a saga: privacy-service asks every service that holds
 * data about subjects for its parts, keeps them sealed as they arrive, and repeats the question
 * until each service has sent all of its parts. The zip is assembled when it is downloaded
 * ({@link ExportArchive}). Every step is an audit event.
 */
@ApplicationScoped
public class ExportSaga implements DsrSaga {
    private static final Logger LOG = Logger.getLogger(ExportSaga.class);
    public static final String TYPE = "export";
    /** A part's file name: no folders, nothing a zip tool would read as a path. */
    private static final Pattern PART_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]{1,60}");

    private final MutinyEmitter<String> requests;
    private final DsrAudit audit;
    private final List<String> participants;

    public ExportSaga(@Channel("export-requested") MutinyEmitter<String> requests, DsrAudit audit,
                      @ConfigProperty(name = "mensura.privacy.export.participants") List<String> participants) {
        this.requests = requests;
        this.audit = audit;
        this.participants = participants;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Starts an export, or returns the subject's export still pending. */
    public Uni<DsrRequest> start(String subjectPseudonym, String reason) {
        return Panache.withTransaction(() -> DsrRequest.pendingOf(subjectPseudonym, TYPE)
                .chain(pending -> pending != null ? Uni.createFrom().item(pending) : begin(subjectPseudonym, reason)))
                .call(this::ask);
    }

    private Uni<DsrRequest> begin(String subjectPseudonym, String reason) {
        return DsrRequest.open(subjectPseudonym, TYPE, reason, participants).persistWithSteps(participants)
                .call(request -> audit.record("subject.export.requested", request, Map.of("reason", reason)));
    }

    @Override
    public Uni<Void> ask(DsrRequest request) {
        if (!DsrRequest.PENDING.equals(request.status)) {
            return Uni.createFrom().voidItem();
        }
        var event = CloudEvent.of(DsrAudit.SOURCE, EventTypes.SUBJECT_EXPORT_REQUESTED, request.subjectPseudonym,
                new ExportRequested(request.id.toString(), request.subjectPseudonym));
        return requests.sendMessage(KafkaMessages.of(event))
                .chain(() -> Panache.withTransaction(() -> DsrRequest.update(
                        "lastSentAt = ?1 where id = ?2", Instant.now(), request.id)))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("export request not published yet, the retry will: %s", failure.getClass().getSimpleName());
                    return null;
                });
    }

    /**
     * A part from a service. Kept once (replays change nothing); when the service has sent all of
     * its parts its step completes, and the last step completes the request. Parts that do not
     * belong to a pending export of the same subject, from a service that was asked, are dropped.
     */
    public Uni<Void> received(ExportPart part) {
        UUID requestId = parseId(part.requestId());
        if (requestId == null || part.service() == null || !acceptable(part)) {
            LOG.warn("export part dropped: malformed");
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> DsrRequest.<DsrRequest>findById(requestId).chain(request -> {
            if (request == null || !TYPE.equals(request.type) || !DsrRequest.PENDING.equals(request.status)
                    || !request.subjectPseudonym.equals(part.subjectPseudonym())) {
                return Uni.createFrom().voidItem();
            }
            return DsrStep.<DsrStep>findById(new DsrStep.Key(requestId, part.service())).chain(step -> {
                if (step == null || DsrRequest.COMPLETED.equals(step.status)) {
                    return Uni.createFrom().voidItem();
                }
                return keep(requestId, part)
                        .chain(() -> ExportPartRow.count("key.requestId = ?1 and key.service = ?2",
                                requestId, part.service()))
                        .chain(held -> held < part.partCount() ? Uni.createFrom().voidItem()
                                : completeStep(request, step, part.partCount()));
            });
        }));
    }

    private static Uni<Void> keep(UUID requestId, ExportPart part) {
        if (part.partCount() == 0) {
            return Uni.createFrom().voidItem();
        }
        var key = new ExportPartRow.Key(requestId, part.service(), part.name());
        return ExportPartRow.<ExportPartRow>findById(key).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ExportPartRow row = new ExportPartRow();
            row.key = key;
            row.mediaType = part.mediaType();
            row.sealed = Base64.getDecoder().decode(part.sealedContent());
            row.receivedAt = Instant.now();
            return row.persist().call(Panache::flush).replaceWithVoid();
        });
    }

    private Uni<Void> completeStep(DsrRequest request, DsrStep step, int parts) {
        step.status = DsrRequest.COMPLETED;
        step.items = (long) parts;
        step.answeredAt = Instant.now();
        return audit.record("subject.export.step-completed", request, Map.of("service", step.key.service(), "parts", parts))
                .call(Panache::flush)
                .chain(() -> DsrStep.count("key.requestId = ?1 and status <> ?2", request.id, DsrRequest.COMPLETED))
                .chain(open -> {
                    if (open > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    request.status = DsrRequest.COMPLETED;
                    request.completedAt = Instant.now();
                    return audit.record("subject.export.completed", request, Map.of());
                });
    }

    private static boolean acceptable(ExportPart part) {
        if (part.partCount() == 0) {
            return true;
        }
        if (part.partCount() < 0 || part.partIndex() < 0 || part.partIndex() >= part.partCount()
                || part.name() == null || !PART_NAME.matcher(part.name()).matches()
                || part.mediaType() == null || !MEDIA_TYPE.matcher(part.mediaType()).matches()
                || part.sealedContent() == null) {
            return false;
        }
        try {
            Base64.getDecoder().decode(part.sealedContent());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UUID parseId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public List<String> participants() {
        return participants;
    }
}
