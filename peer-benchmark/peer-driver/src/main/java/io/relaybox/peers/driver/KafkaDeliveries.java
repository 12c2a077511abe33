package io.relaybox.peers.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Creates a peer's topic (six partitions, as the outbox connector creates its topics) and reads it from the start in
 * a thread of its own, {@code read_committed} (as the platform's consumers read), into {@link Deliveries}.
 */
final class KafkaDeliveries implements AutoCloseable {

    static final int PARTITIONS = 6;

    private final Deliveries deliveries = new Deliveries();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    private KafkaDeliveries(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "relaybox-peer-bench-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10000);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        Instant now = Instant.now();
                        deliveries.record(record.value(), now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
                    }
                }
            }
        }, "peer-bench-reader-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    /** Creates the topic and starts reading it. */
    static KafkaDeliveries create(String bootstrapServers, String topic) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        return new KafkaDeliveries(bootstrapServers, topic);
    }

    Deliveries deliveries() {
        return deliveries;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
