package dev.mensura.fitting.job;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.KafkaMessages;
import dev.mensura.events.data.FittingCompleted;
import dev.mensura.events.data.JobProgress;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** fitting's CloudEvents, keyed by the subject's pseudonym. */
@ApplicationScoped
public class FittingEvents {
    static final String SOURCE = "/mensura/fitting-service";

    private final MutinyEmitter<String> completed;
    private final MutinyEmitter<String> progress;

    public FittingEvents(@Channel("fitting-completed") MutinyEmitter<String> completed,
                         @Channel("job-progress") MutinyEmitter<String> progress) {
        this.completed = completed;
        this.progress = progress;
    }

    /** Best effort: a lost "still fitting" only costs the subject a progress line; it never fails the job. */
    void progress(JobProgress data) {
        if (!KafkaMessages.sendProgress(progress,
                CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS, data.subjectPseudonym(), data))) {
            Log.warn("progress not published");
        }
    }

    /** The job's last progress line ({@code done} or {@code failed}): ingest ends the job on it, so it is waited for. */
    void ended(JobProgress data) {
        KafkaMessages.sendOutcome(progress, CloudEvent.of(SOURCE, EventTypes.JOB_PROGRESS, data.subjectPseudonym(), data));
    }

    void completed(FittingCompleted data) {
        KafkaMessages.sendOutcome(completed, CloudEvent.of(SOURCE, EventTypes.FITTING_COMPLETED,
                data.subjectPseudonym(), data));
    }
}
