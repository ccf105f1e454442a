package dev.mensura.privacy.export;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One part of an export as a service sent it, still sealed with the subject's key. */
@Entity
@Table(name = "export_part")
public class ExportPartRow extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public byte[] sealed;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Embeddable
    public record Key(@Column(name = "request_id") UUID requestId, @Column(name = "service") String service,
                      @Column(name = "name") String name) implements Serializable {
    }
}
