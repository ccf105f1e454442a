package dev.mensura.privacy.consent;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One grant or revocation, kept as history: proof of what was agreed to, and when. */
@Entity
@Table(name = "consent_change")
public class ConsentChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_pseudonym", nullable = false)
    public String subjectPseudonym;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Uni<List<ConsentChange>> historyOf(String subjectPseudonym) {
        return list("subjectPseudonym = ?1 order by recordedAt, id", subjectPseudonym);
    }
}
