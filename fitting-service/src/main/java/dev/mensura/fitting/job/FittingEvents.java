package dev.mensura.fitting.job;

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
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<String> completed;
    private final MutinyEmitter<String> progress;

    public FittingEvents(@Channel("fitting-completed") MutinyEmitter<String> completed,
                         @Channel("job-progress") MutinyEmitter<String> progress) {
        this.completed = completed;
        this.progress = progress;
    }

    void progress(JobProgress data) {
        send(progress, CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS, data.subjectPseudonym(), data));
    }

    void completed(FittingCompleted data) {
        send(completed, CloudEvent.of(SOURCE, EventTypes.FITTING_COMPLETED, data.subjectPseudonym(), data));
    }

    private static void send(MutinyEmitter<String> emitter, CloudEvent<?> event) {
        emitter.sendMessage(KafkaMessages.of(event)).await().atMost(ACK_TIMEOUT);
    }
}
