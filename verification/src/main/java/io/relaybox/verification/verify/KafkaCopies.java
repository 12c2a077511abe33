package io.relaybox.verification.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.relaybox.verification.audit.OccurredAt;
import io.relaybox.verification.audit.OrderEventsReader;

/**
 * Counts the records per event id (header {@code id}) in event topics, read from their beginning with
 * {@code isolation.level=read_committed} (records of aborted transactions are not what a reader sees), keeping the
 * events that occurred at or after the run's start (header {@code occurredat}).
 */
final class KafkaCopies {

    private final String bootstrapServers;
    private final Duration timeout;

    KafkaCopies(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** Records per event id over the topics; a record without an {@code id} header counts under {@code "(no id)"}. */
    Map<String, Long> count(List<String> topics, Instant since) {
        Map<String, Long> copies = new HashMap<>();
        for (String topic : topics) {
            try (OrderEventsReader reader = OrderEventsReader.fromBeginning(bootstrapServers, topic)) {
                boolean complete = reader.readToEnd(record -> add(record, since, copies), timeout);
                if (!complete) {
                    throw new IllegalStateException("could not read " + topic + " to its end in " + timeout);
                }
            }
        }
        return copies;
    }

    private static void add(ConsumerRecord<String, String> record, Instant since, Map<String, Long> copies) {
        if (!OccurredAt.before(OrderEventsReader.header(record, "occurredat"), since)) {
            String id = OrderEventsReader.header(record, "id");
            copies.merge(id == null ? "(no id)" : id, 1L, Long::sum);
        }
    }
}
