package io.relaybox.outbox;

import tools.jackson.databind.json.JsonMapper;

/** SPI: turns an event payload object into the JSON text stored in the {@code payload} column. */
@FunctionalInterface
public interface PayloadSerializer {

    /**
     * Serializes a payload.
     *
     * @param payload the payload, not null
     * @return JSON text, not null
     * @throws RuntimeException when the payload cannot be serialized; the outbox wraps it in an
     *         {@link OutboxException} naming the event
     */
    String toJson(Object payload);

    /**
     * Jackson 3 with java.time values written as ISO-8601 strings (the default).
     *
     * @return a thread-safe serializer
     */
    static PayloadSerializer jackson() {
        return JacksonPayloadSerializer.withDefaults();
    }

    /**
     * Jackson 3 with the given mapper, e.g. the application's own, so that events and HTTP responses look alike.
     *
     * @param mapper the mapper to use; not null
     * @return a thread-safe serializer
     */
    static PayloadSerializer jackson(JsonMapper mapper) {
        return new JacksonPayloadSerializer(mapper);
    }
}
