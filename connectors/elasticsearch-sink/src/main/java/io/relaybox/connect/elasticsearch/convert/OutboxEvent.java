package io.relaybox.connect.elasticsearch.convert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Objects;

import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

import static io.relaybox.connect.support.OutboxHeaders.HEADERS;
import static io.relaybox.connect.support.OutboxHeaders.ID;
import static io.relaybox.connect.support.OutboxHeaders.OCCURRED_AT;
import static io.relaybox.connect.support.OutboxHeaders.SCHEMA_VERSION;
import static io.relaybox.connect.support.OutboxHeaders.TRACEPARENT;
import static io.relaybox.connect.support.OutboxHeaders.TYPE;

/**
 * What the Outbox Event Router put into a record: key = aggregate id, headers {@code id}, {@code type},
 * {@code schemaversion}, {@code occurredat}, {@code traceparent}, {@code headers}. Header values are read whether the
 * sink's header converter left them as text ({@code StringConverter}, recommended) or typed them
 * ({@code SimpleHeaderConverter}).
 *
 * @param eventId the event id (header {@code id}), the document id of the event
 * @param type the event type (header {@code type})
 * @param aggregateId the record key; null when the record has none
 * @param occurredAt business time (header {@code occurredat})
 * @param schemaVersion version of the payload's schema (header {@code schemaversion}, 1 when absent)
 * @param traceparent W3C trace context, or null
 * @param headersJson the extra headers as JSON text, or null
 */
public record OutboxEvent(String eventId, String type, String aggregateId, Instant occurredAt, int schemaVersion, String traceparent,
        String headersJson) {

    /** Elasticsearch's limit for a document id. */
    private static final int MAX_ID_BYTES = 512;

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * Reads the envelope of a record.
     *
     * @throws MalformedEventException when {@code id}, {@code type} or {@code occurredat} is missing or unreadable
     */
    public static OutboxEvent of(SinkRecord record) {
        String id = text(record, ID);
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("the record has no id header (the event id)");
        }
        id = id.trim();
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new MalformedEventException("the id header is longer than " + MAX_ID_BYTES + " bytes");
        }
        String type = text(record, TYPE);
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("the record has no type header");
        }
        return new OutboxEvent(id, type.trim(), key(record), occurredAt(record), schemaVersion(record), text(record, TRACEPARENT),
                text(record, HEADERS));
    }

    /** Microseconds since the epoch. */
    public long occurredAtMicros() {
        return Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L), occurredAt.getNano() / 1_000);
    }

    private static Instant occurredAt(SinkRecord record) {
        Object value = value(record, OCCURRED_AT);
        if (value == null) {
            throw new MalformedEventException("the record has no occurredat header");
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = asText(value).trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("the occurredat header is not an ISO-8601 instant: " + text, e);
        }
    }

    private static int schemaVersion(SinkRecord record) {
        Object value = value(record, SCHEMA_VERSION);
        if (value == null) {
            return 1;
        }
        String text = asText(value).trim();
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedEventException("the schemaversion header is not a positive integer: " + text);
    }

    private static String key(SinkRecord record) {
        Object key = record.key();
        return key == null ? null : asText(key);
    }

    private static String text(SinkRecord record, String name) {
        Object value = value(record, name);
        return value == null ? null : asText(value);
    }

    /** The last header of that name; null when absent or null (how Connect writes a SQL NULL). */
    private static Object value(SinkRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        return header == null ? null : header.value();
    }

    private static String asText(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value.toString();
    }
}
