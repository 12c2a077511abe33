package io.relaybox.connect.s3archive.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.relaybox.connect.support.OutboxHeaders;

/**
 * One record, one line of JSON, always the same bytes for the same record. A line holds, in this order: {@code topic},
 * {@code partition}, {@code offset}, {@code timestamp}, {@code timestampType}, {@code key}, {@code envelope} (the outbox
 * headers {@code id}, {@code type}, {@code schemaversion}, {@code occurredat}, {@code traceparent}, for queries; derived),
 * {@code headers} (every header as {@code [name, value]}, in order: what replay uses) and {@code payload} (the value).
 * A byte field is a JSON string when its bytes are valid UTF-8, {@code {"base64": "..."}} otherwise, null when absent.
 */
public final class NdjsonFormat {

    private NdjsonFormat() {
    }

    /** The record's line, UTF-8, ending with {@code \n}. */
    public static byte[] encode(ArchivedRecord record) {
        StringBuilder out = new StringBuilder(256 + length(record.value()) + length(record.key()));
        out.append("{\"topic\":");
        Json.appendString(out, record.topic());
        out.append(",\"partition\":").append(record.partition());
        out.append(",\"offset\":").append(record.offset());
        out.append(",\"timestamp\":").append(record.timestamp() == null ? "null" : record.timestamp().toString());
        out.append(",\"timestampType\":");
        appendNullable(out, record.timestampType());
        out.append(",\"key\":");
        appendBytes(out, record.key());
        out.append(",\"envelope\":{");
        for (int i = 0; i < OutboxHeaders.ENVELOPE.size(); i++) {
            String name = OutboxHeaders.ENVELOPE.get(i);
            out.append(i == 0 ? "" : ",");
            Json.appendString(out, name);
            out.append(':');
            appendBytes(out, record.headers().stream().filter(h -> h.name().equals(name)).findFirst()
                    .map(ArchivedRecord.Header::value).orElse(null));
        }
        out.append("},\"headers\":[");
        for (int i = 0; i < record.headers().size(); i++) {
            ArchivedRecord.Header header = record.headers().get(i);
            out.append(i == 0 ? "[" : ",[");
            Json.appendString(out, header.name());
            out.append(',');
            appendBytes(out, header.value());
            out.append(']');
        }
        out.append("],\"payload\":");
        appendBytes(out, record.value());
        out.append("}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads one line (with or without its {@code \n}).
     *
     * @throws IllegalArgumentException when the line is not a record of this format
     */
    @SuppressWarnings("unchecked")
    public static ArchivedRecord decode(String line) {
        Object parsed = Json.parse(line);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("an archive line must be a JSON object");
        }
        Map<String, Object> fields = (Map<String, Object>) map;
        List<ArchivedRecord.Header> headers = new ArrayList<>();
        Object headerList = fields.get("headers");
        if (headerList instanceof List<?> list) {
            for (Object entry : list) {
                if (!(entry instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String name)) {
                    throw new IllegalArgumentException("a header must be [name, value]: " + entry);
                }
                headers.add(new ArchivedRecord.Header(name, bytes(pair.get(1), "header " + name)));
            }
        }
        Object timestamp = fields.get("timestamp");
        return new ArchivedRecord(required(fields, "topic", String.class), required(fields, "partition", Long.class).intValue(),
                required(fields, "offset", Long.class), timestamp == null ? null : ((Number) timestamp).longValue(),
                (String) fields.get("timestampType"), bytes(fields.get("key"), "key"), bytes(fields.get("payload"), "payload"),
                headers);
    }

    /** The bytes as UTF-8 text, or empty when they are not valid UTF-8. */
    public static java.util.Optional<String> utf8(byte[] bytes) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    private static void appendBytes(StringBuilder out, byte[] bytes) {
        if (bytes == null) {
            out.append("null");
            return;
        }
        java.util.Optional<String> text = utf8(bytes);
        if (text.isPresent()) {
            Json.appendString(out, text.get());
        } else {
            out.append("{\"base64\":\"").append(Base64.getEncoder().encodeToString(bytes)).append("\"}");
        }
    }

    private static void appendNullable(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
        } else {
            Json.appendString(out, s);
        }
    }

    private static byte[] bytes(Object field, String what) {
        if (field == null) {
            return null;
        }
        if (field instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (field instanceof Map<?, ?> map && map.get("base64") instanceof String base64) {
            return Base64.getDecoder().decode(base64);
        }
        throw new IllegalArgumentException(what + " must be a string, {\"base64\": ...} or null");
    }

    private static <T> T required(Map<String, Object> fields, String name, Class<T> type) {
        Object value = fields.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("field " + name + " is missing or not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
