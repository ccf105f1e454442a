package dev.mensura.privacy.dsr;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks again until every service has answered, for every kind of request: a service that was
 * down gets the request when it returns.
 */
@ApplicationScoped
public class DsrRetry {
    private final Map<String, DsrSaga> sagas;
    private final Duration interval;

    public DsrRetry(Instance<DsrSaga> sagas,
                    @ConfigProperty(name = "mensura.privacy.dsr.retry-interval") Duration interval) {
        this.sagas = sagas.stream().collect(Collectors.toMap(DsrSaga::type, Function.identity()));
        this.interval = interval;
    }

    @Scheduled(every = "${mensura.privacy.dsr.retry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> askAgain() {
        Instant before = Instant.now().minus(interval);
        return Panache.withSession(() -> DsrRequest.<DsrRequest>list(
                        "status = ?1 and (lastSentAt is null or lastSentAt < ?2)", DsrRequest.PENDING, before))
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(request -> {
                    DsrSaga saga = sagas.get(request.type);
                    return saga == null ? Uni.createFrom().voidItem() : saga.ask(request);
                })
                .collect().last()
                .replaceWithVoid();
    }
}
