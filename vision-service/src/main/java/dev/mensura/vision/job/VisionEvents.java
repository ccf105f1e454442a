package dev.mensura.vision.job;

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
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

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

    void progress(JobProgress data) {
        send(progress, CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS, data.subjectPseudonym(), data));
    }

    void completed(VisionCompleted data) {
        send(completed, CloudEvent.of(SOURCE, EventTypes.VISION_COMPLETED, data.subjectPseudonym(), data));
    }

    void failed(VisionFailed data) {
        send(failed, CloudEvent.of(SOURCE, EventTypes.VISION_FAILED, data.subjectPseudonym(), data));
    }

    /** Waits for the broker: the photos' destruction depends on ingest hearing the outcome. */
    private static void send(MutinyEmitter<String> emitter, CloudEvent<?> event) {
        emitter.sendMessage(KafkaMessages.of(event)).await().atMost(ACK_TIMEOUT);
    }
}
