package dev.mensura.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mensura.events.data.PhotoReceived;
import dev.mensura.events.data.VisionFailed;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void roundTripKeepsEnvelopeAndData() {
        var data = new PhotoReceived("job-1", "subj-p", List.of(
                new PhotoReceived.PhotoRef("front", "tok", "http://10.0.0.7:8080/internal/photos/tok", "image/jpeg", 10, 20, 6)), "c2VhbGVk", true, 26);
        var event = CloudEvent.of("/ingest-service", EventTypes.PHOTO_RECEIVED, "subj-p", data);

        String json = EventCodec.encode(event);
        var back = EventCodec.decode(json, PhotoReceived.class, EventTypes.PHOTO_RECEIVED);

        assertThat(back).isEqualTo(event);
        assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"partitionkey\":\"subj-p\"");
    }

    @Test
    void unknownAttributesAreIgnoredForForwardCompatibility() {
        String json = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/v\",\"type\":\"" + EventTypes.VISION_FAILED
                + "\",\"newattr\":5,\"data\":{\"jobId\":\"j\",\"subjectPseudonym\":\"s\",\"reason\":\"no-person\",\"extra\":1}}";
        assertThat(EventCodec.decode(json, VisionFailed.class).data().reason()).isEqualTo("no-person");
    }

    @Test
    void rejectsWrongSpecVersionMissingDataWrongTypeAndGarbage() {
        String base = "{\"specversion\":\"%s\",\"id\":\"1\",\"source\":\"/v\",\"type\":\"%s\"%s}";
        String data = ",\"data\":{\"jobId\":\"j\"}";
        assertThatThrownBy(() -> EventCodec.decode(base.formatted("0.3", "t", data), VisionFailed.class))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(base.formatted("1.0", "t", ""), VisionFailed.class))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(base.formatted("1.0", "t", data), VisionFailed.class, "other"))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{not json", VisionFailed.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageNotContaining("not json");
    }

    @Test
    void everyTopicHasADeadLetterSibling() {
        assertThat(Topics.ALL_WITH_DEAD_LETTERS)
                .contains("photo.received", "photo.received.dlq", "audit.events.dlq")
                .hasSize(Topics.ALL.size() * 2);
    }
}
