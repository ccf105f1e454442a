package dev.mensura.privacy.dsr;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A data-subject request (erasure, export) and where it stands. */
@Entity
@Table(name = "dsr_request")
public class DsrRequest extends PanacheEntityBase {
    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";

    @Id
    public UUID id;

    @Column(name = "subject_pseudonym", nullable = false)
    public String subjectPseudonym;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "last_sent_at")
    public Instant lastSentAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The subject's request of this type still waiting for answers, or null. */
    public static io.smallrye.mutiny.Uni<DsrRequest> pendingOf(String subjectPseudonym, String type) {
        return DsrRequest.<DsrRequest>find("subjectPseudonym = ?1 and type = ?2 and status = ?3", subjectPseudonym,
                type, PENDING).firstResult();
    }

    /** A new request (not yet persisted) that waits for {@code participants}; complete at once if none. */
    public static DsrRequest open(String subjectPseudonym, String type, String reason,
                                  java.util.List<String> participants) {
        Instant now = Instant.now();
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.subjectPseudonym = subjectPseudonym;
        request.type = type;
        request.reason = reason;
        request.status = participants.isEmpty() ? COMPLETED : PENDING;
        request.requestedAt = now;
        request.completedAt = participants.isEmpty() ? now : null;
        return request;
    }

    /** Persists the request and one pending step per participating service. */
    public io.smallrye.mutiny.Uni<DsrRequest> persistWithSteps(java.util.List<String> participants) {
        return this.<DsrRequest>persist()
                .chain(() -> io.smallrye.mutiny.Uni.join().all(participants.stream()
                        .map(service -> DsrAudit.pendingStep(this, service).persist()).toList()).andFailFast())
                .replaceWith(this);
    }
}
