package io.relaybox.connect.s3archive.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.relaybox.connect.support.OutboxHeaders;

/**
 * One Kafka record as the archive keeps it: where it was (topic, partition, offset), its timestamp, and its key, value
 * and headers as the exact bytes that were in Kafka, so that a replay produces the same record.
 *
 * @param timestamp the record's timestamp in epoch milliseconds, or null when it had none
 * @param timestampType {@code CreateTime}, {@code LogAppendTime} or {@code NoTimestampType}
 * @param key the key's bytes, or null
 * @param value the value's bytes (for relaybox: the event payload, JSON text), or null
 * @param headers the headers in their original order, duplicates included
 */
public record ArchivedRecord(String topic, int partition, long offset, Long timestamp, String timestampType, byte[] key,
        byte[] value, List<Header> headers) {

    public ArchivedRecord {
        Objects.requireNonNull(topic, "topic");
        headers = List.copyOf(headers);
    }

    /**
     * One header.
     *
     * @param name its name
     * @param value its bytes, or null
     */
    public record Header(String name, byte[] value) {

        public Header {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Header h && name.equals(h.name) && Arrays.equals(value, h.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return name + "=" + (value == null ? "null" : new String(value, StandardCharsets.UTF_8));
        }
    }

    /** The value of the first header with this name, as UTF-8 text; empty when absent or null. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equals(name)).findFirst()
                .map(Header::value).map(v -> new String(v, StandardCharsets.UTF_8));
    }

    /** The event id ({@code id} header), when the record has one that is not empty. */
    public Optional<String> eventId() {
        return header(OutboxHeaders.ID).filter(id -> !id.isEmpty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchivedRecord r && topic.equals(r.topic) && partition == r.partition && offset == r.offset
                && Objects.equals(timestamp, r.timestamp) && Objects.equals(timestampType, r.timestampType)
                && Arrays.equals(key, r.key) && Arrays.equals(value, r.value) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, timestamp, Arrays.hashCode(key), Arrays.hashCode(value), headers);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
