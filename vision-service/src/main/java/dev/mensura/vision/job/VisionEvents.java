package dev.mensura.vision.job;

import io.quarkus.logging.Log;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.JobProgress;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFailed;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** vision's CloudEvents, keyed by the subject's pseudonym so a subject's events stay in order. */
@ApplicationScoped
public class VisionEvents {
    static final String SOURCE = "/mensura/vision-service";
    /**
     * How long an outcome may wait for the broker: the producer's own delivery timeout (2 min), so
     * a broker restart delays the outcome instead of failing the job.
     */
    private static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(2);

    private final MutinyEmitter<String> completed;
    private final MutinyEmitter<String> failed;
    private final MutinyEmitter<String> progress;

    public VisionEvents(@Channel("vision-completed") MutinyEmitter<String> completed,
                        @Channel("vision-failed") MutinyEmitter<String> failed,
                        @Channel("job-progress") MutinyEmitter<String> progress) {
        this.completed = completed;
        this.failed = failed;
        this.progress = progress;
    }

    /**
     * Best effort: waited for at most 2 s, and a failure only costs the subject a progress line; it
     * never fails the job (before this, a broker restart timed it out and sent the job to the DLQ).
     */
    void progress(JobProgress data) {
        try {
            // awaited, briefly: acknowledged progress is what keeps it ahead of the outcome in the stream
            progress.sendMessage(KafkaMessages.of(CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS,
                    data.subjectPseudonym(), data))).await().atMost(PROGRESS_TIMEOUT);
        } catch (RuntimeException e) {
            Log.warnf("progress not published: %s", e.getClass().getSimpleName());
        }
    }

    void completed(VisionCompleted data) {
        send(completed, CloudEvent.of(SOURCE, EventTypes.VISION_COMPLETED, data.subjectPseudonym(), data));
    }

    void failed(VisionFailed data) {
        send(failed, CloudEvent.of(SOURCE, EventTypes.VISION_FAILED, data.subjectPseudonym(), data));
    }

    /** Waits for the broker: the photos' destruction depends on ingest hearing the outcome. */
    private static void send(MutinyEmitter<String> emitter, CloudEvent<?> event) {
        emitter.sendMessage(KafkaMessages.of(event)).await().atMost(OUTCOME_TIMEOUT);
    }
}
