package dev.mensura.privacy.export;

import dev.mensura.privacy.dsr.DsrAudit;
import dev.mensura.privacy.dsr.DsrRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports are kept for {@code mensura.retention.exports} after they complete, then their parts
 * are deleted (the request itself stays as the record that it was answered, Art. 5(2)).
 */
@ApplicationScoped
public class ExportRetention {
    static final String CATEGORY = "exports";

    private final Duration kept;
    private final DsrAudit audit;

    public ExportRetention(@ConfigProperty(name = "mensura.retention.exports") Duration kept, DsrAudit audit) {
        this.kept = kept;
        this.audit = audit;
    }

    /** Purges what is past its limit; each purge that deleted something is an audit event. */
    @Scheduled(every = "${mensura.retention.purge-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> purge() {
        return purgeCompletedBefore(Instant.now().minus(kept))
                .chain(rows -> rows == 0 ? Uni.createFrom().voidItem()
                        : audit.recordPurge(CATEGORY, rows, kept.toDays()));
    }

    /** Deletes the parts of exports completed before {@code limit}; returns how many parts. */
    public Uni<Long> purgeCompletedBefore(Instant limit) {
        return Panache.withTransaction(() -> DsrRequest.<DsrRequest>list(
                        "type = ?1 and status = ?2 and completedAt < ?3", ExportSaga.TYPE, DsrRequest.COMPLETED, limit)
                .map(requests -> requests.stream().map(r -> r.id).toList())
                .chain((List<UUID> ids) -> ids.isEmpty() ? Uni.createFrom().item(0L)
                        : ExportPartRow.delete("key.requestId in ?1", ids)));
    }
}
