package dev.mensura.privacy.dsr;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How a data-subject request looks to its subject: type, reason, status and each service's step. */
public final class DsrViews {
    private DsrViews() {
    }

    public record StepView(String service, String status, Long items, Instant answeredAt) {
    }

    public record DsrView(UUID id, String type, String reason, String status, Instant requestedAt, Instant completedAt,
                          List<StepView> services) {
    }

    public static Uni<DsrView> of(DsrRequest request) {
        return Panache.withSession(() -> DsrStep.<DsrStep>list("key.requestId = ?1 order by key.service", request.id))
                .map(steps -> new DsrView(request.id, request.type, request.reason, request.status, request.requestedAt,
                        request.completedAt, steps.stream().map(s -> new StepView(s.key.service(), s.status,
                                s.items, s.answeredAt)).toList()));
    }
}
