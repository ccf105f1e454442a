package dev.mensura.vision.job;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.data.PhotoReceived;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * photo.received starts vision's work on a job. A record that is not a valid event fails and goes
 * to the dead-letter topic with its reason. A redelivery to this process is skipped ({@link RecentJobs});
 * elsewhere it finds the hand-over tokens spent, so nothing is processed twice.
 */
@ApplicationScoped
public class PhotoReceivedListener {
    private final JobProcessor processor;
    private final RecentJobs recent = new RecentJobs(10_000);
    private final io.micrometer.core.instrument.Counter redeliveries;

    public PhotoReceivedListener(JobProcessor processor, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.processor = processor;
        this.redeliveries = metrics.counter("vision_redeliveries_skipped_total");
    }

    @Incoming("photo-received")
    @Blocking
    public void onPhotoReceived(String record) {
        PhotoReceived job = EventCodec.decode(record, PhotoReceived.class, EventTypes.PHOTO_RECEIVED).data();
        if (!recent.firstTime(job.jobId())) {
            redeliveries.increment(); // taken already by this process; its outcome is published
            return;
        }
        processor.process(job);
    }
}
