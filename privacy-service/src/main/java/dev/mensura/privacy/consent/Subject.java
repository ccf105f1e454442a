package dev.mensura.privacy.consent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
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

    /** Makes sure the subject exists; concurrent first uses race harmlessly ("on conflict do nothing"). */
    public static Uni<Void> ensure(String pseudonym) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into subject (pseudonym, created_at) values (:p, :t) on conflict do nothing")
                .setParameter("p", pseudonym).setParameter("t", Instant.now()).executeUpdate())
                .replaceWithVoid();
    }
}
