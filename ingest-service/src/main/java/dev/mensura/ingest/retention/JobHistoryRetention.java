package dev.mensura.ingest.retention;

import dev.mensura.events.data.AuditRecord;
import dev.mensura.ingest.events.EventPublisher;
import dev.mensura.ingest.job.JobRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Retention of job history (default 90 days): a scheduled purge deletes older job rows and
 * audits how many; a check afterwards counts anything still past its limit as a violation
 * ({@code retention_violations_total{category="job-history"}}), which an alert should watch.
 */
@ApplicationScoped
public class JobHistoryRetention {
    private static final Logger LOG = Logger.getLogger(JobHistoryRetention.class);
    static final String CATEGORY = "job-history";

    private final JobRepository jobs;
    private final EventPublisher events;
    private final MeterRegistry registry;
    private final Duration keep;

    public JobHistoryRetention(JobRepository jobs, EventPublisher events, MeterRegistry registry,
                               @ConfigProperty(name = "mensura.retention.job-history", defaultValue = "90d") Duration keep) {
        this.jobs = jobs;
        this.events = events;
        this.registry = registry;
        this.keep = keep;
        registry.counter("retention.violations", "category", CATEGORY);
    }

    @Scheduled(every = "${mensura.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges, audits, checks; returns the number of rows purged. */
    public int purge() {
        Instant limit = Instant.now().minus(keep);
        int purged = jobs.deleteCreatedBefore(limit).await().atMost(Duration.ofSeconds(60));
        if (purged > 0) {
            events.audit(new AuditRecord(Instant.now(), "ingest-service", "retention.purged", "category:" + CATEGORY,
                    "success", null, Map.of("category", CATEGORY, "rows", purged, "olderThanDays", keep.toDays())),
                    "retention-" + CATEGORY).await().atMost(Duration.ofSeconds(10));
        }
        long left = jobs.countCreatedBefore(limit).await().atMost(Duration.ofSeconds(60));
        if (left > 0) {
            registry.counter("retention.violations", "category", CATEGORY).increment(left);
            LOG.warnf("retention: %d %s row(s) are past their limit after the purge", left, CATEGORY);
        }
        return purged;
    }
}
