package io.relaybox.connect.s3archive.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.relaybox.connect.support.OutboxHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * One record, one line of JSON, always the same bytes for the same record. A line holds, in this order: {@code topic},
 * {@code partition}, {@code offset}, {@code timestamp}, {@code timestampType}, {@code key}, {@code envelope} (the outbox
 * headers {@code id}, {@code type}, {@code schemaversion}, {@code occurredat}, {@code traceparent}, for queries; derived),
 * {@code headers} (every header as {@code [name, value]}, in order: what replay uses) and {@code payload} (the value).
 * A byte field is a JSON string when its bytes are valid UTF-8, {@code {"base64": "..."}} otherwise, null when absent.
 */
public final class NdjsonFormat {

    /** Fixed escaping (lower-case hex, '/' as is, U+2028/U+2029 escaped), so equal records give equal bytes. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .characterEscapes(new LineSeparatorEscapes())
            // a record's value may be as large as the broker allows
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private NdjsonFormat() {
    }

    /** The record's line, UTF-8, ending with {@code \n}. */
    public static byte[] encode(ArchivedRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(record.value()) + length(record.key()));
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("topic", record.topic());
            json.writeNumberProperty("partition", record.partition());
            json.writeNumberProperty("offset", record.offset());
            json.writeName("timestamp");
            if (record.timestamp() == null) {
                json.writeNull();
            } else {
                json.writeNumber(record.timestamp());
            }
            json.writeStringProperty("timestampType", record.timestampType());
            writeBytes(json.writeName("key"), record.key());
            json.writeName("envelope").writeStartObject();
            for (String name : OutboxHeaders.ENVELOPE) {
                writeBytes(json.writeName(name), record.headers().stream().filter(h -> h.name().equals(name)).findFirst()
                        .map(ArchivedRecord.Header::value).orElse(null));
            }
            json.writeEndObject();
            json.writeName("headers").writeStartArray();
            for (ArchivedRecord.Header header : record.headers()) {
                json.writeStartArray().writeString(header.name());
                writeBytes(json, header.value());
                json.writeEndArray();
            }
            json.writeEndArray();
            writeBytes(json.writeName("payload"), record.value());
            json.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads one line (with or without its {@code \n}).
     *
     * @throws IllegalArgumentException when the line is not a record of this format
     */
    public static ArchivedRecord decode(String line) {
        try (JsonParser json = JSON.createParser(line)) {
            return LineReader.read(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON at character " + e.getLocation().getCharOffset() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The bytes as UTF-8 text, or empty when they are not valid UTF-8. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void writeBytes(JsonGenerator json, byte[] bytes) {
        if (bytes == null) {
            json.writeNull();
            return;
        }
        Optional<String> text = utf8(bytes);
        if (text.isPresent()) {
            json.writeString(text.get());
        } else {
            json.writeStartObject().writeStringProperty("base64", Base64.getEncoder().encodeToString(bytes)).writeEndObject();
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
