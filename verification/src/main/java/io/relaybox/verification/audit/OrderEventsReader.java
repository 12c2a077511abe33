package io.relaybox.verification.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic with a plain Kafka consumer (no group, no commits) from a remembered position: the end of the
 * topic when the reader was created, or its beginning when the topic did not exist then; or, made with
 * {@link #fromBeginning}, the beginning of the topic.
 */
public final class OrderEventsReader implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, Long> startOffsets = new HashMap<>();
    private boolean assigned;

    /** Remembers where the topic ends now; {@link #readUntil} reads from there. */
    public OrderEventsReader(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, true);
    }

    private OrderEventsReader(String bootstrapServers, String topic, boolean fromEnd) {
        this.topic = topic;
        this.consumer = plainConsumer(bootstrapServers);
        List<TopicPartition> partitions = fromEnd ? partitions() : List.of();
        if (!partitions.isEmpty()) {
            startOffsets.putAll(consumer.endOffsets(partitions));
        }
    }

    /** A reader of everything the topic holds, from its beginning (the earliest offset retention kept). */
    public static OrderEventsReader fromBeginning(String bootstrapServers, String topic) {
        return new OrderEventsReader(bootstrapServers, topic, false);
    }

    /**
     * Polls and hands every record to the sink until {@code done} says so or the timeout passes.
     *
     * @return true when done, false on timeout
     */
    public boolean readUntil(Consumer<ConsumerRecord<String, String>> sink, BooleanSupplier done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            if (!assigned && !assign()) {
                continue;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(sink);
        }
        return true;
    }

    /**
     * Hands every record up to where the topic ends now to the sink (what arrives later may or may not be read).
     *
     * @return true when it read up to the end, false on timeout
     */
    public boolean readToEnd(Consumer<ConsumerRecord<String, String>> sink, Duration timeout) {
        List<TopicPartition> partitions = partitions();
        if (partitions.isEmpty()) {
            return true;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return readUntil(sink, () -> assigned && end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue()), timeout);
    }

    /** Polls once (up to 200 ms) and hands the records to the sink; does nothing until the topic exists. */
    public void pollOnce(Consumer<ConsumerRecord<String, String>> sink) {
        if (assigned || assign()) {
            consumer.poll(Duration.ofMillis(200)).forEach(sink);
        }
    }

    /** A consumer of text records that reads committed data only, without a group and without commits. */
    public static KafkaConsumer<String, String> plainConsumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "relaybox-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private boolean assign() {
        List<TopicPartition> partitions = partitions();
        if (partitions.isEmpty()) {
            try {
                Thread.sleep(200); // the topic appears with its first event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return false;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, startOffsets.getOrDefault(partition, beginnings.get(partition)));
        }
        assigned = true;
        return true;
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
