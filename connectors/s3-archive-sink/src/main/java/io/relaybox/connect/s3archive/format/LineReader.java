package io.relaybox.connect.s3archive.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reads one NDJSON line from a parser into an {@link ArchivedRecord}; fields it does not use (envelope) are skipped. */
final class LineReader {

    private String topic;
    private Long partition;
    private Long offset;
    private Long timestamp;
    private String timestampType;
    private byte[] key;
    private byte[] payload;
    private final List<ArchivedRecord.Header> headers = new ArrayList<>();

    private LineReader() {
    }

    static ArchivedRecord read(JsonParser json) {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("an archive line must be a JSON object");
        }
        LineReader line = new LineReader();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            json.nextToken();
            line.field(name, json);
        }
        if (json.nextToken() != null) {
            throw new IllegalArgumentException("unexpected text after the value");
        }
        return line.record();
    }

    private void field(String name, JsonParser json) {
        switch (name) {
            case "topic" -> topic = stringOrSkip(json);
            case "partition" -> partition = integer(json);
            case "offset" -> offset = integer(json);
            case "timestamp" -> timestamp = json.currentToken() == JsonToken.VALUE_NULL ? null : number(json, name);
            case "timestampType" -> timestampType = nullableString(json, name);
            case "key" -> key = bytes(json, "key");
            case "payload" -> payload = bytes(json, "payload");
            case "headers" -> headers(json);
            default -> json.skipChildren();
        }
    }

    private ArchivedRecord record() {
        return new ArchivedRecord(required("topic", topic, "String"), required("partition", partition, "Long").intValue(),
                required("offset", offset, "Long"), timestamp, timestampType, key, payload, headers);
    }

    private void headers(JsonParser json) {
        headers.clear();
        if (json.currentToken() != JsonToken.START_ARRAY) {
            json.skipChildren(); // as before: a line without a header list has no headers
            return;
        }
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() != JsonToken.START_ARRAY || json.nextToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("a header must be [name, value]: " + json.getText());
            }
            String name = json.getString();
            if (json.nextToken() == JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("a header must be [name, value]: " + name + " has no value");
            }
            byte[] value = bytes(json, "header " + name);
            if (json.nextToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("a header must be [name, value]: " + name + " has more than a value");
            }
            headers.add(new ArchivedRecord.Header(name, value));
        }
    }

    /** A string, {@code {"base64": "..."}} or null. */
    private static byte[] bytes(JsonParser json, String what) {
        switch (json.currentToken()) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return json.getString().getBytes(StandardCharsets.UTF_8);
            case START_OBJECT:
                String base64 = null;
                while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                    boolean isBase64 = "base64".equals(json.currentName());
                    if (json.nextToken() == JsonToken.VALUE_STRING && isBase64) {
                        base64 = json.getString();
                    } else {
                        json.skipChildren();
                    }
                }
                if (base64 != null) {
                    return Base64.getDecoder().decode(base64);
                }
                break;
            default:
                json.skipChildren();
        }
        throw new IllegalArgumentException(what + " must be a string, {\"base64\": ...} or null");
    }

    private static String stringOrSkip(JsonParser json) {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            json.skipChildren();
            return null;
        }
        return json.getString();
    }

    private static Long integer(JsonParser json) {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            json.skipChildren();
            return null;
        }
        return json.getLongValue();
    }

    private static Long number(JsonParser json, String name) {
        if (!json.currentToken().isNumeric()) {
            throw new IllegalArgumentException("field " + name + " is not a number");
        }
        return json.getNumberValue().longValue();
    }

    private static String nullableString(JsonParser json, String name) {
        return switch (json.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> json.getString();
            default -> throw new IllegalArgumentException("field " + name + " must be a string or null");
        };
    }

    private static <T> T required(String name, T value, String type) {
        if (value == null) {
            throw new IllegalArgumentException("field " + name + " is missing or not a " + type);
        }
        return value;
    }
}
