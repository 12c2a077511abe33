package io.relaybox.outbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event to be written by {@link Outbox#publish(OutboxMessage)}: immutable and validated on creation.
 *
 * @param aggregateType the kind of aggregate, e.g. {@code orders}; becomes part of the topic name
 *        ({@code orders.events}), so only letters, digits, {@code .}, {@code _} and {@code -} are allowed
 * @param aggregateId the aggregate's id; the Kafka record key, so one aggregate's events stay in order; not blank
 * @param eventType what happened, in the past tense, e.g. {@code OrderPlaced}; a Kafka header; not blank
 * @param payload the event body, serialized to JSON at write time; not null. A {@code String} becomes a JSON
 *        string; pass a Jackson {@code JsonNode} for ready-made JSON
 * @param schemaVersion the version of the payload's schema, positive; {@code 1} unless set with
 *        {@link #withSchemaVersion(int)}
 * @param headers extra headers for consumers, written to the {@code headers} column and carried in the Kafka
 *        header {@code headers} as a JSON object; never null, possibly empty; keys not blank, values not null
 */
public record OutboxMessage(String aggregateType, String aggregateId, String eventType, Object payload,
        int schemaVersion, Map<String, String> headers) {

    private static final Pattern TOPIC_FRAGMENT = Pattern.compile("[a-zA-Z0-9._-]+");

    /**
     * Validates every component and copies the headers (keeping their order).
     *
     * @param aggregateType see {@link #aggregateType()}
     * @param aggregateId see {@link #aggregateId()}
     * @param eventType see {@link #eventType()}
     * @param payload see {@link #payload()}
     * @param schemaVersion see {@link #schemaVersion()}
     * @param headers see {@link #headers()}
     * @throws IllegalArgumentException naming the first invalid component
     */
    public OutboxMessage {
        requireNonBlank(aggregateType, "aggregateType");
        if (!TOPIC_FRAGMENT.matcher(aggregateType).matches()) {
            throw new IllegalArgumentException("aggregateType must be a topic-name fragment ([a-zA-Z0-9._-]+), was: '"
                    + aggregateType + "'");
        }
        requireNonBlank(aggregateId, "aggregateId");
        requireNonBlank(eventType, "eventType");
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (event " + eventType + " of " + aggregateType
                    + " " + aggregateId + ")");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be positive, was: " + schemaVersion);
        }
        Objects.requireNonNull(headers, "headers must not be null (use an empty map)");
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((key, value) -> {
            requireNonBlank(key, "header name");
            if (value == null) {
                throw new IllegalArgumentException("header " + key + " must not have a null value");
            }
            copy.put(key, value);
        });
        headers = Collections.unmodifiableMap(copy);
    }

    /**
     * A message with schema version 1 and no extra headers.
     *
     * @param aggregateType see {@link #aggregateType()}
     * @param aggregateId see {@link #aggregateId()}
     * @param eventType see {@link #eventType()}
     * @param payload see {@link #payload()}
     * @return the validated message
     * @throws IllegalArgumentException when a component is invalid
     */
    public static OutboxMessage of(String aggregateType, String aggregateId, String eventType, Object payload) {
        return new OutboxMessage(aggregateType, aggregateId, eventType, payload, 1, Map.of());
    }

    /**
     * This message with another schema version.
     *
     * @param version the payload's schema version, positive
     * @return a new message
     */
    public OutboxMessage withSchemaVersion(int version) {
        return new OutboxMessage(aggregateType, aggregateId, eventType, payload, version, headers);
    }

    /**
     * This message with the given extra headers, replacing any it had.
     *
     * @param extraHeaders header names and values; not null
     * @return a new message
     */
    public OutboxMessage withHeaders(Map<String, String> extraHeaders) {
        return new OutboxMessage(aggregateType, aggregateId, eventType, payload, schemaVersion, extraHeaders);
    }

    /**
     * This message with one more extra header (replacing a header of the same name).
     *
     * @param name the header name, not blank
     * @param value the header value, not null
     * @return a new message
     */
    public OutboxMessage withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return withHeaders(more);
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
