package dev.mensura.fitting.job;

import io.quarkus.logging.Log;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.FittingCompleted;
import dev.mensura.events.data.JobProgress;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** fitting's CloudEvents, keyed by the subject's pseudonym. */
@ApplicationScoped
public class FittingEvents {
    static final String SOURCE = "/mensura/fitting-service";
    /** An outcome waits as long as the producer's delivery timeout: a broker restart delays it, never loses it. */
    private static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(2);

    private final MutinyEmitter<String> completed;
    private final MutinyEmitter<String> progress;

    public FittingEvents(@Channel("fitting-completed") MutinyEmitter<String> completed,
                         @Channel("job-progress") MutinyEmitter<String> progress) {
        this.completed = completed;
        this.progress = progress;
    }

    /** Best effort: a lost "still fitting" only delays what the subject sees; it never fails the job. */
    void progress(JobProgress data) {
        try {
            // awaited, briefly: acknowledged progress is what keeps it ahead of the outcome in the stream
            progress.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS,
                    data.subjectPseudonym(), data))).await().atMost(PROGRESS_TIMEOUT);
        } catch (RuntimeException e) {
            Log.warnf("progress not published: %s", e.getClass().getSimpleName());
        }
    }

    /** The job's last progress message ({@code done} or {@code failed}): ingest ends the job on it, so it is awaited. */
    void ended(JobProgress data) {
        send(progress, CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS, data.subjectPseudonym(), data));
    }

    void completed(FittingCompleted data) {
        send(completed, CloudEvent.of(SOURCE, EventTypes.FITTING_COMPLETED, data.subjectPseudonym(), data));
    }

    private static void send(MutinyEmitter<String> emitter, CloudEvent<?> event) {
        emitter.sendMessage(KafkaMessages.of(event)).await().atMost(OUTCOME_TIMEOUT);
    }
}
