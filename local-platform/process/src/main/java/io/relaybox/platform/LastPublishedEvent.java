package io.relaybox.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The business time ({@code occurredat} header) of the newest outbox event Kafka holds in some topics. */
final class LastPublishedEvent {

    /** Records read from the end of each partition: the newest event is among the last few. */
    private static final int TAIL = 200;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private LastPublishedEvent() {
    }

    /**
     * @param bootstrapServers the Kafka
     * @param topics the topics; those that do not exist are left out
     * @return the newest {@code occurredat} among the last records of each partition (committed ones only), or empty
     *         when the topics hold no event
     */
    static Optional<Instant> occurredAt(String bootstrapServers, List<String> topics) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "relaybox-slot-recovery");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_TIMEOUT);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            partitions.forEach(p -> consumer.seek(p, Math.max(start.get(p), end.get(p) - TAIL)));
            Instant newest = null;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new PlatformException("could not read the last events of " + topics + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Instant occurred = occurredAt(record);
                    if (occurred != null && (newest == null || occurred.isAfter(newest))) {
                        newest = occurred;
                    }
                }
            }
            return Optional.ofNullable(newest);
        }
    }

    private static Instant occurredAt(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("occurredat");
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return Instant.parse(new String(header.value(), StandardCharsets.UTF_8).trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
