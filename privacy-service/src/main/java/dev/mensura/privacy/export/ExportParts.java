package dev.mensura.privacy.export;

import dev.mensura.events.EventCodec;
import dev.mensura.events.EventTypes;
import dev.mensura.events.data.ExportPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Services' export parts; records that are not valid events go to the dead-letter topic. */
@ApplicationScoped
public class ExportParts {
    private final ExportSaga saga;

    public ExportParts(ExportSaga saga) {
        this.saga = saga;
    }

    @Incoming("export-completed")
    public Uni<Void> onPart(String record) {
        return saga.received(EventCodec.decode(record, ExportPart.class, EventTypes.SUBJECT_EXPORT_PART).data());
    }
}
