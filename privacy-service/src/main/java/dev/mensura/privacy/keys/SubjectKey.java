package dev.mensura.privacy.keys;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subject's data keyset, wrapped by the KEK; never stored in the clear. */
@Entity
@Table(name = "subject_key")
public class SubjectKey extends PanacheEntityBase {
    @Id
    @Column(name = "subject_pseudonym")
    public String subjectPseudonym;

    @Column(name = "wrapped_keyset", nullable = false)
    public byte[] wrappedKeyset;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "wrapped_at", nullable = false)
    public Instant wrappedAt;
}
