package dev.mensura.audit.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert behind I2's daily check: photos received more than 300 s ago that the log has no
 * successful destruction for ({@code audit_photos_unaccounted}); anything above zero pages someone.
 */
@ApplicationScoped
@Startup
public class UnaccountedPhotosGauge {
    private final ReportQueries queries;
    private final AtomicLong unaccounted = new AtomicLong();

    public UnaccountedPhotosGauge(ReportQueries queries, MeterRegistry registry) {
        this.queries = queries;
        Gauge.builder("audit_photos_unaccounted", unaccounted, AtomicLong::get)
                .description("Photos received over 300 s ago without a recorded destruction (must be 0)")
                .register(registry);
    }

    @Scheduled(every = "${mensura.audit.unaccounted-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        unaccounted.set(queries.unaccountedPhotos());
    }
}
