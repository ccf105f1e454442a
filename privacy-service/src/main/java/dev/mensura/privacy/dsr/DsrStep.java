package dev.mensura.privacy.dsr;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One service's part of a request. */
@Entity
@Table(name = "dsr_step")
public class DsrStep extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String status;

    /** What the service reported: rows deleted for an erasure, parts delivered for an export. */
    @Column(name = "items")
    public Long items;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Embeddable
    public record Key(@Column(name = "request_id") UUID requestId, @Column(name = "service") String service)
            implements Serializable {
    }
}
