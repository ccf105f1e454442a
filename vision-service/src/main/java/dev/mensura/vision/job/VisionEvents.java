package dev.mensura.vision.job;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.JobProgress;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFailed;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** vision's CloudEvents, keyed by the subject's pseudonym so a subject's events stay in order. */
@ApplicationScoped
public class VisionEvents {
    static final String SOURCE = "/mensura/vision-service";

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
     * Best effort: a progress line that does not get through in 10 s is dropped, never the job
     * (before, a broker restart timed it out and sent the whole job to the dead-letter topic).
     */
    void progress(JobProgress data) {
        if (!KafkaMessages.sendProgress(progress,
                CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS, data.subjectPseudonym(), data))) {
            Log.warn("progress not published");
        }
    }

    /** Outcomes wait for the broker: the photos' destruction depends on ingest hearing them. */
    void completed(VisionCompleted data) {
        KafkaMessages.sendOutcome(completed, CloudEvent.of(SOURCE, EventTypes.VISION_COMPLETED,
                data.subjectPseudonym(), data));
    }

    void failed(VisionFailed data) {
        KafkaMessages.sendOutcome(failed, CloudEvent.of(SOURCE, EventTypes.VISION_FAILED, data.subjectPseudonym(), data));
    }
}
