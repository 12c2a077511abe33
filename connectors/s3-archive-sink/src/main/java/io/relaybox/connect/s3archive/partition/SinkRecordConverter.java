package io.relaybox.connect.s3archive.partition;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

import io.relaybox.connect.s3archive.format.ArchivedRecord;

/**
 * Turns a {@link SinkRecord} into the bytes Kafka held. Keys and values must come as {@code byte[]}
 * ({@code ByteArrayConverter}, exact) or {@code String} ({@code StringConverter}, exact for UTF-8 text); structured
 * values are refused with a {@link DataException} (the errant-record reporter gets the record). Header values that are
 * neither are stored as {@link Values#convertToString} renders them, which is what {@code SimpleHeaderConverter} wrote.
 * The record's Kafka coordinates are its original ones, so a topic-renaming transform cannot scramble the archive.
 */
public final class SinkRecordConverter {

    private SinkRecordConverter() {
    }

    public static ArchivedRecord convert(SinkRecord record) {
        List<ArchivedRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new ArchivedRecord.Header(header.key(), headerBytes(header)));
        }
        return new ArchivedRecord(record.originalTopic(), record.originalKafkaPartition(), record.originalKafkaOffset(),
                record.timestamp(), record.timestampType() == null ? null : record.timestampType().toString(),
                bytes(record.key(), "key", record), bytes(record.value(), "value", record), headers);
    }

    private static byte[] bytes(Object data, String what, SinkRecord record) {
        if (data == null) {
            return null;
        }
        byte[] raw = rawBytes(data);
        if (raw != null) {
            return raw;
        }
        throw new DataException("the " + what + " of " + record.originalTopic() + "-" + record.originalKafkaPartition() + "@"
                + record.originalKafkaOffset() + " is a " + data.getClass().getSimpleName() + ", which the archive cannot store "
                + "byte for byte: use key.converter/value.converter ByteArrayConverter (or StringConverter)");
    }

    /** The bytes of a byte array, a string (UTF-8) or a byte buffer; null for any other type. */
    private static byte[] rawBytes(Object data) {
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        return null;
    }

    private static byte[] headerBytes(Header header) {
        Object value = header.value();
        if (value == null) {
            return null;
        }
        byte[] raw = rawBytes(value);
        if (raw != null) {
            return raw;
        }
        return Values.convertToString(header.schema(), value).getBytes(StandardCharsets.UTF_8);
    }
}
