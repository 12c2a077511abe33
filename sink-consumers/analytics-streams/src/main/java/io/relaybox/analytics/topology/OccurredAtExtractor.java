package io.relaybox.analytics.topology;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the {@code occurredat} header (ISO-8601, as the outbox router places the outbox row's column): when
 * the event happened in its service, not when Debezium or a re-send put it into Kafka. A record without a readable
 * header falls back to its own timestamp, and one without that to the partition's time so far.
 */
public final class OccurredAtExtractor implements TimestampExtractor {

    public static final String HEADER = "occurredat";

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Header header = record.headers().lastHeader(HEADER);
        if (header != null && header.value() != null) {
            try {
                return OffsetDateTime.parse(new String(header.value(), StandardCharsets.UTF_8).trim()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // fall through: the record's own time
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
