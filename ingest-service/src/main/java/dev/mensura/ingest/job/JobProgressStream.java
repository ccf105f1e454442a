package dev.mensura.ingest.job;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
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
        return poll(() -> jobs.findOwned(jobId, subjectPseudonym), pollInterval);
    }

    /**
     * Looks the job up every {@code interval}, one lookup at a time. A lookup slower than the
     * interval (a busy database) skips the ticks that find no demand: without the drop, Mutiny's
     * ticks fail the stream for lack of requests, and the SSE connection was cut mid-job (seen
     * under load once TLS made every query a little slower).
     */
    static Multi<ProgressMessage> poll(Supplier<Uni<Job>> lookup, Duration interval) {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(interval)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> lookup.get())
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
