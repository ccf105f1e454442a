package dev.mensura.events;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A CloudEvent as an outgoing Kafka message: structured JSON, keyed by its partition key (a pseudonym). */
public final class KafkaMessages {
    /**
     * How long an outcome (a job's result, its last progress) waits for the broker: the producer's
     * own delivery timeout, so a broker restart delays the outcome instead of failing the job.
     */
    public static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(2);
    /**
     * How long a progress line may hold up the work: acknowledged, it stays ahead of the outcome (a
     * process's first send waits for the broker's metadata, which takes seconds on a busy node).
     */
    public static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(10);

    private KafkaMessages() {
    }

    /** Sends {@code event} and waits until the broker has it; throws when it cannot within {@link #OUTCOME_TIMEOUT}. */
    public static void sendOutcome(MutinyEmitter<String> emitter, CloudEvent<?> event) {
        emitter.sendMessage(of(event)).await().atMost(OUTCOME_TIMEOUT);
    }

    /**
     * Sends {@code event}, waiting at most {@link #PROGRESS_TIMEOUT}; whether it got through. A lost
     * progress line only costs the subject a line of progress, never the job.
     */
    public static boolean sendProgress(MutinyEmitter<String> emitter, CloudEvent<?> event) {
        try {
            emitter.sendMessage(of(event)).await().atMost(PROGRESS_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static Message<String> of(CloudEvent<?> event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Message.of(EventCodec.encode(event)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.partitionkey()).withHeaders(headers).build());
    }
}
