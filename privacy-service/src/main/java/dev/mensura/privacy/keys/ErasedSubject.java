package dev.mensura.privacy.keys;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Tombstone of a crypto-shredded subject: its key is gone for good. */
@Entity
@Table(name = "erased_subject")
public class ErasedSubject extends PanacheEntityBase {
    @Id
    @Column(name = "subject_pseudonym")
    public String subjectPseudonym;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;
}
