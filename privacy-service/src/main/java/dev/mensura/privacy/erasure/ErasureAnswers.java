package dev.mensura.privacy.erasure;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.data.ErasureCompleted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Services' answers to erasure requests; invalid records go to the dead-letter topic. */
@ApplicationScoped
public class ErasureAnswers {
    private final ErasureSaga saga;

    public ErasureAnswers(ErasureSaga saga) {
        this.saga = saga;
    }

    @Incoming("erasure-completed")
    public Uni<Void> onAnswer(String record) {
        var event = EventCodec.decode(record, ErasureCompleted.class, EventTypes.SUBJECT_ERASURE_COMPLETED);
        return saga.answered(event.data());
    }
}
