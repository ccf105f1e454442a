package dev.mensura.privacy.restriction;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subject's restriction of processing (Art. 18), in force until the subject lifts it. */
@Entity
@Table(name = "restriction")
public class Restriction extends PanacheEntityBase {
    @Id
    @Column(name = "subject_pseudonym")
    public String subjectPseudonym;

    @Column(name = "restricted_at", nullable = false)
    public Instant restrictedAt;
}
