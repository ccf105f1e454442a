package dev.mensura.privacy.erasure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Asks again until every service has answered: a service that was down gets the request when it returns. */
@ApplicationScoped
public class ErasureRetry {
    private final ErasureSaga saga;
    private final Duration interval;

    public ErasureRetry(ErasureSaga saga,
                        @ConfigProperty(name = "mensura.privacy.erasure.retry-interval") Duration interval) {
        this.saga = saga;
        this.interval = interval;
    }

    @Scheduled(every = "${mensura.privacy.erasure.retry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> askAgain() {
        Instant before = Instant.now().minus(interval);
        return Panache.withSession(() -> DsrRequest.<DsrRequest>list(
                        "status = ?1 and (lastSentAt is null or lastSentAt < ?2)", DsrRequest.PENDING, before))
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(saga::ask)
                .collect().last()
                .replaceWithVoid();
    }
}
