package io.relaybox.outbox.kafka.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.relaybox.outbox.kafka.DeadLetterHeaders;

/**
 * One record of a dead-letter topic: where it sits, the original record (key, value, headers) and why it is there.
 * Immutable; text accessors decode UTF-8 and return {@code null} for an absent header.
 */
public final class DeadLetter {

    private final String topic;
    private final int partition;
    private final long offset;
    private final Instant timestamp;
    private final byte[] key;
    private final byte[] value;
    private final List<Header> headers;

    private DeadLetter(ConsumerRecord<byte[], byte[]> record) {
        this.topic = record.topic();
        this.partition = record.partition();
        this.offset = record.offset();
        this.timestamp = Instant.ofEpochMilli(record.timestamp());
        this.key = record.key();
        this.value = record.value();
        List<Header> copy = new ArrayList<>();
        record.headers().forEach(header -> copy.add(new RecordHeader(header.key(), header.value())));
        this.headers = List.copyOf(copy);
    }

    /**
     * The dead letter a record of a dead-letter topic holds.
     *
     * @param record a record read with byte-array deserializers
     * @return the dead letter
     */
    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record);
    }

    /** @return the dead-letter topic */
    public String topic() {
        return topic;
    }

    /** @return the partition of the dead-letter topic */
    public int partition() {
        return partition;
    }

    /** @return the offset in that partition */
    public long offset() {
        return offset;
    }

    /** @return when it was dead-lettered */
    public Instant timestamp() {
        return timestamp;
    }

    /** @return the original key (the aggregate id) as UTF-8 text, or {@code null} */
    public String key() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** @return the original value (the payload) as UTF-8 text, or {@code null} */
    public String value() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** @return a copy of the original key bytes, or {@code null} */
    public byte[] keyBytes() {
        return key == null ? null : key.clone();
    }

    /** @return a copy of the original value bytes, or {@code null} */
    public byte[] valueBytes() {
        return value == null ? null : value.clone();
    }

    /** @return the original headers in their order, without the {@value DeadLetterHeaders#PREFIX}* reason headers */
    public List<Header> originalHeaders() {
        return headers.stream().filter(header -> !header.key().startsWith(DeadLetterHeaders.PREFIX)).toList();
    }

    /**
     * The last header of that name, as UTF-8 text.
     *
     * @param name the header name
     * @return its text, or {@code null} when absent or null
     */
    public String header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** @return the event id (header {@code id}), or {@code null} */
    public String eventId() {
        return header("id");
    }

    /** @return the event type (header {@code type}), or {@code null} */
    public String eventType() {
        return header("type");
    }

    /** @return the failure's class ({@link DeadLetterHeaders#EXCEPTION_CLASS}) */
    public String exceptionClass() {
        return header(DeadLetterHeaders.EXCEPTION_CLASS);
    }

    /** @return the failure's message ({@link DeadLetterHeaders#EXCEPTION_MESSAGE}) */
    public String exceptionMessage() {
        return header(DeadLetterHeaders.EXCEPTION_MESSAGE);
    }

    /** @return the topic it came from and is re-driven to ({@link DeadLetterHeaders#SOURCE_TOPIC}) */
    public String sourceTopic() {
        return header(DeadLetterHeaders.SOURCE_TOPIC);
    }

    /** @return the partition it came from, or -1 when unknown */
    public int sourcePartition() {
        return parseOr(header(DeadLetterHeaders.SOURCE_PARTITION), -1);
    }

    /** @return its offset in the source partition, or -1 when unknown */
    public long sourceOffset() {
        return parseOr(header(DeadLetterHeaders.SOURCE_OFFSET), -1);
    }

    /** @return the consumer that gave up on it ({@link DeadLetterHeaders#CONSUMER}) */
    public String consumer() {
        return header(DeadLetterHeaders.CONSUMER);
    }

    /** @return for a parked event, the dead-lettered event it waits for; else {@code null} */
    public String parkedBehind() {
        return header(DeadLetterHeaders.PARKED_BEHIND);
    }

    /** @return whether this event is parked behind another one, rather than having failed itself */
    public boolean isParked() {
        return parkedBehind() != null || Objects.equals(exceptionClass(),
                "io.relaybox.outbox.inbox.EventParkedException");
    }

    /** @return the failure as {@code SimpleClassName: message}, on one line */
    public String reason() {
        String type = exceptionClass();
        String simple = type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
        String message = exceptionMessage();
        return (simple + ": " + (message == null ? "" : message)).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** @return {@code partition:offset}, how the dead-letters command names a dead letter */
    public String position() {
        return partition + ":" + offset;
    }

    private static long parseOr(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int parseOr(String text, int fallback) {
        return (int) parseOr(text, (long) fallback);
    }

    @Override
    public String toString() {
        return topic + " " + position() + " (" + key() + " " + eventId() + ")";
    }
}
