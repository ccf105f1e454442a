package dev.mensura.privacy.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subject's profile, stored only sealed with the subject's key. */
@Entity
@Table(name = "subject_profile")
public class SubjectProfile extends PanacheEntityBase {
    @Id
    @Column(name = "subject_pseudonym")
    public String subjectPseudonym;

    @Column(name = "sealed_profile", nullable = false)
    public byte[] sealedProfile;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
