package dev.mensura.privacy.restriction;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.AuditRecord;
import dev.mensura.events.data.RestrictionChanged;
import dev.mensura.privacy.consent.Subject;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Restriction of processing (Art. 18): recorded here, checked by every service before it
 * processes (the internal consent check answers it), and announced so queued work stops.
 * Restricting or lifting twice changes nothing.
 */
@ApplicationScoped
public class RestrictionService {
    private static final String SOURCE = "/mensura/privacy-service";

    private final MutinyEmitter<String> changes;
    private final MutinyEmitter<String> audit;

    public RestrictionService(@Channel("restriction-changed") MutinyEmitter<String> changes,
                              @Channel("audit-events") MutinyEmitter<String> audit) {
        this.changes = changes;
        this.audit = audit;
    }

    public record RestrictionView(boolean restricted, Instant since) {
    }

    public Uni<RestrictionView> restrict(String subject) {
        return Panache.withTransaction(() -> Subject.ensure(subject)
                        .chain(() -> Restriction.<Restriction>findById(subject))
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().item(new Outcome(existing, false));
                            }
                            Restriction restriction = new Restriction();
                            restriction.subjectPseudonym = subject;
                            restriction.restrictedAt = Instant.now();
                            return restriction.persist().replaceWith(new Outcome(restriction, true));
                        }))
                .call(outcome -> outcome.created() ? announce(subject, true) : Uni.createFrom().voidItem())
                .map(outcome -> new RestrictionView(true, outcome.restriction().restrictedAt));
    }

    private record Outcome(Restriction restriction, boolean created) {
    }

    public Uni<RestrictionView> lift(String subject) {
        return Panache.withTransaction(() -> Restriction.delete("subjectPseudonym", subject))
                .call(deleted -> deleted > 0 ? announce(subject, false) : Uni.createFrom().voidItem())
                .map(deleted -> new RestrictionView(false, null));
    }

    public Uni<RestrictionView> status(String subject) {
        return Panache.withSession(() -> Restriction.<Restriction>findById(subject))
                .map(r -> r == null ? new RestrictionView(false, null) : new RestrictionView(true, r.restrictedAt));
    }

    private Uni<Void> announce(String subject, boolean restricted) {
        var entry = new AuditRecord(Instant.now(), "privacy-service",
                restricted ? "subject.processing.restricted" : "subject.processing.restriction-lifted",
                "subject:" + subject, "success", null, Map.of());
        return changes.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.SUBJECT_RESTRICTION_CHANGED, subject,
                        new RestrictionChanged(subject, restricted))))
                .chain(() -> audit.sendMessage(KafkaMessages.of(
                        CloudEvent.of(SOURCE, EventTypes.AUDIT_RECORDED, subject, entry))));
    }
}
