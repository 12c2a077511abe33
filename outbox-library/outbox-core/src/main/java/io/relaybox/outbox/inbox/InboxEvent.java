package io.relaybox.outbox.inbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as a consumer receives it: what Debezium's Outbox Event Router made of one outbox row (key = aggregate id,
 * value = payload, headers {@code id}, {@code type}, {@code schemaversion}, {@code occurredat}, {@code traceparent},
 * {@code headers}). Immutable and validated on creation.
 *
 * @param id the event id (header {@code id}): the deduplication key; not null
 * @param type the event type (header {@code type}), e.g. {@code OrderPlaced}; not blank
 * @param schemaVersion the payload's schema version (header {@code schemaversion}); positive
 * @param aggregateId the aggregate's id (the record key), e.g. the order id; events of one aggregate are applied in
 *        order, and a dead letter parks the aggregate's later events; not blank
 * @param occurredAt the business time (header {@code occurredat}), or {@code null} when the producer sent none
 * @param traceparent the W3C trace context (header {@code traceparent}), or {@code null}
 * @param headers the extra headers (header {@code headers}, a JSON object); never null, possibly empty
 * @param payload the event body as JSON text (the record value); not null. PostgreSQL's {@code jsonb} normalises
 *        spacing and key order, so parse it, never compare the text
 */
public record InboxEvent(UUID id, String type, int schemaVersion, String aggregateId, Instant occurredAt,
        String traceparent, Map<String, String> headers, String payload) {

    /**
     * Validates every component and copies the headers (keeping their order).
     *
     * @param id see {@link #id()}
     * @param type see {@link #type()}
     * @param schemaVersion see {@link #schemaVersion()}
     * @param aggregateId see {@link #aggregateId()}
     * @param occurredAt see {@link #occurredAt()}
     * @param traceparent see {@link #traceparent()}
     * @param headers see {@link #headers()}
     * @param payload see {@link #payload()}
     * @throws IllegalArgumentException naming the first invalid component
     */
    public InboxEvent {
        if (id == null) {
            throw new IllegalArgumentException("id must not be null");
        }
        requireNonBlank(type, "type");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be positive, was: " + schemaVersion);
        }
        requireNonBlank(aggregateId, "aggregateId");
        Objects.requireNonNull(headers, "headers must not be null (use an empty map)");
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (event " + type + " " + id + ")");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * An event with schema version 1, no business time, trace context or extra headers: for tests and for
     * transports that carry less than the Outbox Event Router does.
     *
     * @param id see {@link #id()}
     * @param type see {@link #type()}
     * @param aggregateId see {@link #aggregateId()}
     * @param payload see {@link #payload()}
     * @return the validated event
     * @throws IllegalArgumentException when a component is invalid
     */
    public static InboxEvent of(UUID id, String type, String aggregateId, String payload) {
        return new InboxEvent(id, type, 1, aggregateId, null, null, Map.of(), payload);
    }

    /**
     * The same event (id, type, key, time, trace and headers) as another schema version: what an {@link Upcaster}
     * returns.
     *
     * @param version the schema version the payload now has
     * @param rewritten the payload in that version
     * @return the rewritten event
     */
    public InboxEvent asVersion(int version, String rewritten) {
        return new InboxEvent(id, type, version, aggregateId, occurredAt, traceparent, headers, rewritten);
    }

    /** "OrderPlaced v1 0192… of aggregate o-1": how log lines and exception messages name an event. */
    String describe() {
        return type + " v" + schemaVersion + " " + id + " of aggregate " + aggregateId;
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
