package dev.mensura.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON serde for {@link CloudEvent}s. Unknown attributes are ignored so a newer producer does
 * not break an older consumer; missing required attributes are rejected.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Content type of a structured-mode CloudEvent, for the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private EventCodec() {
    }

    public static String encode(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event cannot be serialised", e);
        }
    }

    public static <T> CloudEvent<T> decode(String json, Class<T> dataType) {
        return decode(json, dataType, null);
    }

    /** Decodes and checks the {@code type} attribute when {@code expectedType} is given. */
    public static <T> CloudEvent<T> decode(String json, Class<T> dataType, String expectedType) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record");
        }
        JavaType type = MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
        CloudEvent<T> event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            // Never echo the payload: it may carry personal data, and so may the parser's message,
            // which is why its exception is not attached (it would reach logs and DLQ headers).
            throw new InvalidEventException("not a valid CloudEvent of the expected data type ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (event.data() == null) {
            throw new InvalidEventException("event has no data");
        }
        if (expectedType != null && !expectedType.equals(event.type())) {
            throw new InvalidEventException("unexpected event type " + event.type());
        }
        return event;
    }

    /** The shared mapper, configured as the codec uses it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
