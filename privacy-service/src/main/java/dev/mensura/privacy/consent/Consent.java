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

/** The current consent of one subject for one purpose. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {
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

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Uni<Consent> findFor(String subjectPseudonym, Purpose purpose) {
        return find("subjectPseudonym = ?1 and purpose = ?2", subjectPseudonym, purpose.slug()).firstResult();
    }

    public static Uni<List<Consent>> listFor(String subjectPseudonym) {
        return list("subjectPseudonym = ?1 order by purpose", subjectPseudonym);
    }
}
