package dev.mensura.fitting.job;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.data.VisionCompleted;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * vision.completed starts a fit. Invalid records go to the dead-letter topic with their reason;
 * a replayed event finds its result stored and does nothing.
 */
@ApplicationScoped
public class VisionCompletedListener {
    private final FitJob job;

    public VisionCompletedListener(FitJob job) {
        this.job = job;
    }

    @Incoming("vision-completed")
    @Blocking
    public void onVisionCompleted(String record) {
        job.process(EventCodec.decode(record, VisionCompleted.class, EventTypes.VISION_COMPLETED).data());
    }
}
