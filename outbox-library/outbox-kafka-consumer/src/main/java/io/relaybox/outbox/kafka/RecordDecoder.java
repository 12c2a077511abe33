package io.relaybox.outbox.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.relaybox.outbox.inbox.InboxEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a record of the Outbox Event Router (key, value and headers as UTF-8 text) into an {@link InboxEvent}. */
final class RecordDecoder {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String SCHEMA_VERSION = "schemaversion";
    static final String OCCURRED_AT = "occurredat";
    static final String TRACEPARENT = "traceparent";
    static final String HEADERS = "headers";

    private static final JsonMapper JSON = JsonMapper.shared();

    private RecordDecoder() {
    }

    static InboxEvent decode(ConsumerRecord<byte[], byte[]> record) {
        String key = text(record.key());
        String type = header(record, TYPE);
        String idText = header(record, ID);
        UUID id = uuidOrNull(idText);
        if (id == null) {
            throw malformed(idText == null ? "the record has no id header" : "the id header is not a UUID: " + idText,
                    null, null, key, type);
        }
        if (key == null || key.isBlank()) {
            throw malformed("the record has no key (the aggregate id)", null, id, null, type);
        }
        if (type == null || type.isBlank()) {
            throw malformed("the record has no type header", null, id, key, null);
        }
        if (record.value() == null) {
            throw malformed("the record has no value (the payload)", null, id, key, type);
        }
        return new InboxEvent(id, type, schemaVersion(record, id, key, type), key, occurredAt(record, id, key, type),
                header(record, TRACEPARENT), extraHeaders(record, id, key, type), text(record.value()));
    }

    private static int schemaVersion(ConsumerRecord<byte[], byte[]> record, UUID id, String key, String type) {
        String text = header(record, SCHEMA_VERSION);
        if (text == null) {
            return 1;
        }
        try {
            int version = Integer.parseInt(text.trim());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed("the schemaversion header is not a positive integer: " + text, null, id, key, type);
    }

    private static Instant occurredAt(ConsumerRecord<byte[], byte[]> record, UUID id, String key, String type) {
        String text = header(record, OCCURRED_AT);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("the occurredat header is not an ISO-8601 instant: " + text, e, id, key, type);
        }
    }

    private static Map<String, String> extraHeaders(ConsumerRecord<byte[], byte[]> record, UUID id, String key,
            String type) {
        String text = header(record, HEADERS);
        if (text == null) {
            return Map.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException e) {
            throw malformed("the headers header is not JSON: " + e.getOriginalMessage(), e, id, key, type);
        }
        if (json.isNull()) {
            return Map.of();
        }
        if (!json.isObject()) {
            throw malformed("the headers header is not a JSON object: " + text, null, id, key, type);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        json.properties().forEach(entry -> headers.put(entry.getKey(),
                entry.getValue().isValueNode() ? entry.getValue().asString() : entry.getValue().toString()));
        return headers;
    }

    /** The last header of that name as UTF-8 text; null when absent or null (how Connect writes a SQL NULL). */
    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static UUID uuidOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MalformedRecordException malformed(String problem, Throwable cause, UUID id, String key,
            String type) {
        return new MalformedRecordException(problem, cause, id, key, type);
    }
}
