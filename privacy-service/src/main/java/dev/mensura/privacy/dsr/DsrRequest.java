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
}
