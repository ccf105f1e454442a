package dev.mensura.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode.
 *
 * <p>{@code partitionkey} is the CloudEvents partitioning extension: the Kafka record key,
 * always a job or subject pseudonym so that one subject's events stay in order and no raw
 * identifier reaches the broker.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String partitionkey,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("unsupported specversion");
        }
        if (id.isBlank() || source.isBlank() || type.isBlank()) {
            throw new InvalidEventException("id, source and type must not be blank");
        }
    }

    /** A new event with a random id and the current time. */
    public static <T> CloudEvent<T> of(String source, String type, String partitionKey, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, null,
                Instant.now(), JSON, partitionKey, data);
    }
}
