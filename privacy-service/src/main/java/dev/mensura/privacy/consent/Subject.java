package dev.mensura.privacy.consent;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A data subject, known by pseudonym only. */
@Entity
@Table(name = "subject")
public class Subject extends PanacheEntityBase {
    @Id
    public String pseudonym;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
