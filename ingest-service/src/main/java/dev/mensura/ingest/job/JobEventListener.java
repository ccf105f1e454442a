package dev.mensura.ingest.job;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.InvalidEventException;
import dev.mensura.events.data.JobProgress;
import dev.mensura.events.data.VisionCompleted;
import dev.mensura.events.data.VisionFailed;
import dev.mensura.ingest.destruction.DestructionReason;
import dev.mensura.ingest.destruction.PhotoDestroyer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows a job through the other services. Vision's outcome ends the photos' life (I2);
 * progress moves the job forward. Idempotent: a replayed event destroys nothing twice and does
 * not reopen an ended job. Records that are not valid events fail and go to the dead-letter topic.
 */
@ApplicationScoped
public class JobEventListener {
    private final JobRepository jobs;
    private final PhotoDestroyer destroyer;

    public JobEventListener(JobRepository jobs, PhotoDestroyer destroyer) {
        this.jobs = jobs;
        this.destroyer = destroyer;
    }

    @Incoming("vision-completed")
    @Blocking
    public void visionCompleted(String record) {
        var event = EventCodec.decode(record, VisionCompleted.class, EventTypes.VISION_COMPLETED);
        UUID jobId = jobId(event.data().jobId());
        destroyer.destroyJob(jobId, DestructionReason.VISION_COMPLETED);
        jobs.updateProgress(jobId, JobStatus.PROCESSING, "fitting", 50, "Photos read and destroyed; fitting the body model")
                .await().indefinitely();
    }

    @Incoming("vision-failed")
    @Blocking
    public void visionFailed(String record) {
        var event = EventCodec.decode(record, VisionFailed.class, EventTypes.VISION_FAILED);
        UUID jobId = jobId(event.data().jobId());
        destroyer.destroyJob(jobId, DestructionReason.VISION_FAILED);
        // vision's message is a fixed sentence per reason, telling the person what to retake
        String advice = event.data().message() == null ? "" : " " + event.data().message();
        // a replay after vision completed (the photos spent by then) must not fail the job
        jobs.updateWhileBeforeFitting(jobId, JobStatus.FAILED, "failed", 100, shortText("The photos could not be used ("
                + slug(event.data().reason()) + "); they have been destroyed." + advice)).await().indefinitely();
    }

    @Incoming("job-progress")
    @Blocking
    public void progress(String record) {
        var event = EventCodec.decode(record, JobProgress.class, EventTypes.JOB_PROGRESS);
        JobProgress p = event.data();
        int progress = Math.max(0, Math.min(100, p.progress()));
        JobStatus status = "done".equals(p.stage()) ? JobStatus.COMPLETED
                : "failed".equals(p.stage()) ? JobStatus.FAILED : JobStatus.PROCESSING;
        jobs.updateProgress(jobId(p.jobId()), status, slug(p.stage()), progress, shortText(p.message()))
                .await().indefinitely();
    }

    private static UUID jobId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new InvalidEventException("job id is not a UUID");
        }
    }

    /** Reasons and stages are slugs; anything else is cut to keep free text out of the job. */
    private static String slug(String value) {
        if (value == null) {
            return "unknown";
        }
        String cleaned = value.replaceAll("[^a-z0-9-]", "");
        return cleaned.substring(0, Math.min(32, cleaned.length()));
    }

    private static String shortText(String message) {
        return message == null ? null : message.substring(0, Math.min(200, message.length()));
    }
}
