package dev.mensura.events;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A CloudEvent as an outgoing Kafka message: structured JSON, keyed by its partition key (a pseudonym). */
public final class KafkaMessages {
    private KafkaMessages() {
    }

    public static Message<String> of(CloudEvent<?> event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Message.of(EventCodec.encode(event)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.partitionkey()).withHeaders(headers).build());
    }
}
