package dev.mensura.vision.job;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.data.PhotoReceived;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * photo.received starts vision's work on a job. A record that is not a valid event fails and goes
 * to the dead-letter topic with its reason; a replay finds the hand-over tokens spent and ends the
 * job as failed, so nothing is processed twice.
 */
@ApplicationScoped
public class PhotoReceivedListener {
    private final JobProcessor processor;

    public PhotoReceivedListener(JobProcessor processor) {
        this.processor = processor;
    }

    @Incoming("photo-received")
    @Blocking
    public void onPhotoReceived(String record) {
        processor.process(EventCodec.decode(record, PhotoReceived.class, EventTypes.PHOTO_RECEIVED).data());
    }
}
