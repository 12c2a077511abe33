package io.relaybox.verification.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.relaybox.verification.audit.OrderEventsReader;

/**
 * Reads a topic from where it ended when the counter was created and counts distinct event ids, noting when the
 * first and the last record arrived.
 */
final class TopicCounter implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Set<String> eventIds = new HashSet<>();
    private final java.util.Map<TopicPartition, Long> startOffsets;
    private long records;
    private long firstArrivalNanos;
    private long lastArrivalNanos;

    TopicCounter(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "relaybox-bench-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10000);
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        // an event arrives when its source transaction commits, as consumers see it
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        this.startOffsets = consumer.endOffsets(partitions());
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** Polls until the count is reached or the timeout passes; returns whether it was reached. */
    boolean awaitDistinct(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (eventIds.size() < expected && System.nanoTime() < deadline) {
            if (consumer.assignment().isEmpty()) {
                List<TopicPartition> partitions = partitions();
                if (partitions.isEmpty()) {
                    continue;
                }
                consumer.assign(partitions);
                partitions.forEach(p -> consumer.seek(p, startOffsets.getOrDefault(p, 0L)));
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                if (records++ == 0) {
                    firstArrivalNanos = now;
                }
                lastArrivalNanos = now;
                eventIds.add(OrderEventsReader.header(record, "id"));
            }
        }
        return eventIds.size() >= expected;
    }

    int distinct() {
        return eventIds.size();
    }

    long records() {
        return records;
    }

    long firstArrivalNanos() {
        return firstArrivalNanos;
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
