package dev.mensura.ingest.destruction;

import dev.mensura.ingest.job.JobRepository;
import dev.mensura.ingest.job.JobStatus;
import dev.mensura.ingest.storage.PhotoVault;
import dev.mensura.ingest.storage.StoredPhoto;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The "whatever happens" part of I2: no photo outlives {@code mensura.ingest.max-photo-lifetime}
 * (300 s at most), leftovers of a crashed process are swept at start, and a clean shutdown
 * destroys what it holds.
 */
@ApplicationScoped
public class LifetimeEnforcer {
    private static final Logger LOG = Logger.getLogger(LifetimeEnforcer.class);
    private static final Duration HARD_LIMIT = Duration.ofSeconds(300);
    static final String ABANDONED_MESSAGE = "The photos were lost before they could be read (a service stopped)"
            + " and no copy is left; please take them again";

    private final PhotoVault vault;
    private final PhotoDestroyer destroyer;
    private final JobRepository jobs;
    private final Duration maxLifetime;
    private final Duration abandonedGrace;
    private final Clock clock = Clock.systemUTC();

    public LifetimeEnforcer(PhotoVault vault, PhotoDestroyer destroyer, JobRepository jobs,
                            @ConfigProperty(name = "mensura.ingest.max-photo-lifetime") Duration maxLifetime,
                            // vision may still be answering for photos it fetched just before their deadline
                            @ConfigProperty(name = "mensura.ingest.abandoned-job-grace", defaultValue = "30s")
                            Duration abandonedGrace) {
        if (maxLifetime.compareTo(HARD_LIMIT) > 0 || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalStateException("mensura.ingest.max-photo-lifetime must be within (0, 300s] (I2)");
        }
        this.vault = vault;
        this.destroyer = destroyer;
        this.jobs = jobs;
        this.maxLifetime = maxLifetime;
        this.abandonedGrace = abandonedGrace;
    }

    void sweepAtStart(@Observes StartupEvent start) throws IOException {
        var leftovers = vault.untrackedFiles();
        if (!leftovers.isEmpty()) {
            LOG.warnf("destroying %d photo file(s) left by an earlier process", leftovers.size());
        }
        leftovers.forEach(destroyer::destroyLeftover);
    }

    /** Runs every second so a photo is destroyed at most about a second after its deadline. */
    @Scheduled(every = "${mensura.ingest.lifetime-check-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void destroyExpired() throws IOException {
        Instant deadline = clock.instant().minus(maxLifetime);
        Set<UUID> expiredJobs = new HashSet<>();
        for (StoredPhoto photo : vault.storedBefore(deadline)) {
            destroyer.destroy(photo, DestructionReason.LIFETIME_EXCEEDED);
            expiredJobs.add(photo.jobId());
        }
        // Files nobody tracks (a failed write, a failed destroy) get no more time than tracked ones.
        vault.untrackedFilesOlderThan(deadline).forEach(destroyer::destroyLeftover);
        // A job whose photo ran out of time cannot be processed any more: it ends, and its streams with it.
        for (UUID job : expiredJobs) {
            jobs.updateProgress(job, JobStatus.FAILED, "failed", 100,
                    "The photos were not processed in time and have been destroyed").subscribe().with(ok -> { },
                    failure -> LOG.warnf("expired job not marked failed: %s", failure.getClass().getSimpleName()));
        }
    }

    /**
     * A job whose photos died with a process (ingest or vision killed before vision's answer) would
     * wait forever: once no copy of its photos can exist any more, it ends as failed with a reason.
     * Checked against every job, not only this process's: after a restart nothing else knows them.
     */
    @Scheduled(every = "${mensura.ingest.abandoned-check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failAbandonedJobs() {
        Instant limit = clock.instant().minus(maxLifetime).minus(abandonedGrace);
        jobs.failAbandonedBefore(limit, ABANDONED_MESSAGE).subscribe().with(
                ended -> {
                    if (ended > 0) {
                        LOG.warnf("%d job(s) ended as failed: their photos were lost before vision answered", ended);
                    }
                },
                failure -> LOG.warnf("abandoned jobs not checked: %s", failure.getClass().getSimpleName()));
    }

    void destroyAllAtShutdown(@Observes ShutdownEvent stop) {
        vault.all().forEach(photo -> destroyer.destroy(photo, DestructionReason.SHUTDOWN));
    }
}
