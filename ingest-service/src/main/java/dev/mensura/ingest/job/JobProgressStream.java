package dev.mensura.ingest.job;

import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A job's progress as a stream for SSE and WebSocket clients. It follows the job's row, so a
 * client sees every update whichever ingest pod consumed the event; it emits only changes and
 * completes after the job ends.
 */
@ApplicationScoped
public class JobProgressStream {
    private final JobRepository jobs;
    private final Duration pollInterval;

    public JobProgressStream(JobRepository jobs,
                             @ConfigProperty(name = "mensura.ingest.progress-poll-interval", defaultValue = "500ms")
                             Duration pollInterval) {
        this.jobs = jobs;
        this.pollInterval = pollInterval;
    }

    public Multi<ProgressMessage> follow(UUID jobId, String subjectPseudonym) {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(pollInterval)
                .onItem().transformToUniAndConcatenate(tick -> jobs.findOwned(jobId, subjectPseudonym))
                .select().where(Objects::nonNull)
                .select().first(new EndsAfterTerminal())
                .map(Job::progressMessage)
                .skip().repetitions();
    }

    /** Lets items through until and including the first terminal one. */
    private static final class EndsAfterTerminal implements java.util.function.Predicate<Job> {
        private boolean ended;

        @Override
        public boolean test(Job job) {
            if (ended) {
                return false;
            }
            ended = job.status().terminal();
            return true;
        }
    }
}
